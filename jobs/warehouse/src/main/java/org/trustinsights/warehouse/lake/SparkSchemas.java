package org.trustinsights.warehouse.lake;

import java.util.List;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.trustinsights.contract.Column;
import org.trustinsights.contract.ColumnType;
import org.trustinsights.contract.SchemaDrift;
import org.trustinsights.contract.TableContract;

/** Spark schemas from table contracts, and the way back for drift checks. */
public final class SparkSchemas {

    private SparkSchemas() {}

    public static StructType of(TableContract contract) {
        StructField[] fields = contract.columns().stream()
                .map(column -> DataTypes.createStructField(column.name(), sparkType(column.type()),
                        column.isNullable()))
                .toArray(StructField[]::new);
        return DataTypes.createStructType(fields);
    }

    public static DataType sparkType(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    /** The columns of a produced schema as the contract's types see them. */
    public static List<SchemaDrift.ProducedColumn> produced(StructType schema) {
        return java.util.Arrays.stream(schema.fields())
                .map(field -> new SchemaDrift.ProducedColumn(field.name(), contractType(field.dataType())))
                .toList();
    }

    private static ColumnType contractType(DataType type) {
        for (ColumnType candidate : ColumnType.values()) {
            if (sparkType(candidate).equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no contract type for Spark type " + type.simpleString());
    }

    /** The contract's column names, in order, for a select that puts a frame in contract shape. */
    public static org.apache.spark.sql.Column[] columns(TableContract contract) {
        return contract.columns().stream()
                .map(Column::name)
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new);
    }
}
