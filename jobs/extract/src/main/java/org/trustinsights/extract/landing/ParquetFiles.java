package org.trustinsights.extract.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.trustinsights.contract.Column;
import org.trustinsights.contract.ColumnType;
import org.trustinsights.contract.TableContract;

/**
 * Writes and reads landing Parquet files on a local file system, with no Hadoop file system.
 * A file appears whole or not at all: it is written under a hidden temporary name, which Spark
 * and our readers skip, and renamed in one step.
 */
public final class ParquetFiles {

    private ParquetFiles() {}

    /** Writes rows, each holding the contract's file columns in order, to {@code target}. */
    public static void write(TableContract contract, Path target, Iterable<Object[]> rows) {
        MessageType schema = ParquetSchemas.fileSchema(contract);
        List<Column> columns = ParquetSchemas.fileColumns(contract);
        Path temporary = target.resolveSibling("." + target.getFileName() + ".inprogress");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temporary);
            RowWriteSupport.Builder builder = new RowWriteSupport.Builder(new LocalOutputFile(temporary), schema,
                    columns)
                    .withConf(new PlainParquetConfiguration())
                    .withCompressionCodec(CompressionCodecName.SNAPPY);
            // Numbers and times are near unique per row: a dictionary would be built only to be dropped
            columns.stream()
                    .filter(column -> column.type() == ColumnType.LONG || column.type() == ColumnType.TIMESTAMP)
                    .forEach(column -> builder.withDictionaryEncoding(column.name(), false));
            try (ParquetWriter<Object[]> writer = builder.build()) {
                for (Object[] row : rows) {
                    writer.write(row);
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** Reads a small file whole, each row as column name to value (dates as epoch days, timestamps as micros). */
    public static List<Map<String, Object>> read(Path file) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = new GroupReaderBuilder(new LocalInputFile(file)).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                rows.add(values(group));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return rows;
    }

    static LocalDate toDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    }

    private static Map<String, Object> values(Group group) {
        Map<String, Object> values = new LinkedHashMap<>();
        var type = group.getType();
        for (int index = 0; index < type.getFieldCount(); index++) {
            String name = type.getFieldName(index);
            if (group.getFieldRepetitionCount(index) == 0) {
                values.put(name, null);
                continue;
            }
            var primitive = type.getType(index).asPrimitiveType().getPrimitiveTypeName();
            values.put(name, switch (primitive) {
                case INT32 -> group.getInteger(index, 0);
                case INT64 -> group.getLong(index, 0);
                case DOUBLE -> group.getDouble(index, 0);
                case BOOLEAN -> group.getBoolean(index, 0);
                default -> group.getString(index, 0);
            });
        }
        return values;
    }

    /** Reads rows as generic groups, without a Hadoop file system. */
    private static final class GroupReaderBuilder extends ParquetReader.Builder<Group> {

        GroupReaderBuilder(LocalInputFile file) {
            super(file, new PlainParquetConfiguration());
        }

        @Override
        protected org.apache.parquet.hadoop.api.ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
