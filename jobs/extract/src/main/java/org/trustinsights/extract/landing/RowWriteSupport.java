package org.trustinsights.extract.landing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.trustinsights.contract.Column;

/**
 * Writes rows held as arrays, one value per contract column in order, straight to Parquet's
 * record consumer: no intermediate record objects, no lookups by name.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {

    private final MessageType schema;
    private final List<Column> columns;
    private RecordConsumer consumer;

    RowWriteSupport(MessageType schema, List<Column> columns) {
        this.schema = schema;
        this.columns = columns;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        consumer.startMessage();
        for (int index = 0; index < row.length; index++) {
            Object value = row[index];
            if (value == null) {
                continue;
            }
            Column column = columns.get(index);
            consumer.startField(column.name(), index);
            switch (column.type()) {
                case STRING -> consumer.addBinary(Binary.fromString(value.toString()));
                case INT -> consumer.addInteger(((Number) value).intValue());
                case LONG -> consumer.addLong(((Number) value).longValue());
                case DOUBLE -> consumer.addDouble(((Number) value).doubleValue());
                case BOOLEAN -> consumer.addBoolean((Boolean) value);
                case DATE -> consumer.addInteger((int) ParquetFiles.toDate(value).toEpochDay());
                case TIMESTAMP -> consumer.addLong(micros(ParquetFiles.toInstant(value)));
            }
            consumer.endField(column.name(), index);
        }
        consumer.endMessage();
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** Builds writers of array rows to any output file. */
    static final class Builder extends ParquetWriter.Builder<Object[], Builder> {

        private final MessageType schema;
        private final List<Column> columns;

        Builder(OutputFile file, MessageType schema, List<Column> columns) {
            super(file);
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration configuration) {
            return new RowWriteSupport(schema, columns);
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration configuration) {
            return new RowWriteSupport(schema, columns);
        }
    }
}
