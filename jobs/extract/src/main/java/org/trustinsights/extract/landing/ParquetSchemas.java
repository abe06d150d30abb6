package org.trustinsights.extract.landing;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.trustinsights.contract.Column;
import org.trustinsights.contract.TableContract;

/**
 * Parquet schemas built from table contracts. Partition columns live in the folder names, as
 * Hive-style partitioning has it, so they are left out of the files.
 */
public final class ParquetSchemas {

    private ParquetSchemas() {}

    public static MessageType fileSchema(TableContract contract) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column column : fileColumns(contract)) {
            message.addField(field(column));
        }
        return message.named(contract.name());
    }

    /** The contract's columns that are written inside the files, in contract order. */
    public static java.util.List<Column> fileColumns(TableContract contract) {
        return contract.columns().stream()
                .filter(column -> !contract.partitionBy().contains(column.name()))
                .toList();
    }

    private static Type field(Column column) {
        var repetition = column.isNullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        return switch (column.type()) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(column.name());
            case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
            case LONG -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(column.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(column.name());
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType()).named(column.name());
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(column.name());
        };
    }
}
