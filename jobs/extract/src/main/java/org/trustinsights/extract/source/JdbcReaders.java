package org.trustinsights.extract.source;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.RowMapper;
import org.trustinsights.extract.landing.LandingRecord;
import org.trustinsights.extract.landing.RecordTyper;

/**
 * Builds the reader of one entity from a school database: the rows changed after the watermark,
 * in watermark order, streamed through a cursor with a fetch size and never held whole.
 */
public final class JdbcReaders {

    public static final int FETCH_SIZE = 5_000;

    private JdbcReaders() {}

    public static JdbcCursorItemReader<LandingRecord> reader(String name, DataSource dataSource, String entity,
            String query, Instant watermark, RecordTyper typer) {
        JdbcCursorItemReader<LandingRecord> reader = new JdbcCursorItemReader<>();
        reader.setName(name);
        reader.setDataSource(dataSource);
        reader.setFetchSize(FETCH_SIZE);
        reader.setSql(query);
        // Some drivers (PostgreSQL) only stream with a fetch size inside a transaction
        reader.setConnectionAutoCommit(false);
        reader.setPreparedStatementSetter(statement -> statement.setTimestamp(1,
                Timestamp.valueOf(watermark.atOffset(ZoneOffset.UTC).toLocalDateTime())));
        reader.setRowMapper(rowMapper(typer, "jdbc:" + entity));
        reader.setSaveState(true);
        return reader;
    }

    /** Maps a row; Spring Batch numbers rows from 1. */
    private static RowMapper<LandingRecord> rowMapper(RecordTyper typer, String location) {
        return (ResultSet row, int rowNumber) -> {
            Map<String, Object> values = values(row);
            return typer.typeValues(values, values.toString(), location, rowNumber);
        };
    }

    private static Map<String, Object> values(ResultSet row) throws SQLException {
        ResultSetMetaData metaData = row.getMetaData();
        Map<String, Object> values = new HashMap<>();
        for (int index = 1; index <= metaData.getColumnCount(); index++) {
            values.put(metaData.getColumnLabel(index).toLowerCase(Locale.ROOT), value(row.getObject(index)));
        }
        return values;
    }

    /** Database timestamps without a zone are read as UTC, as the pipeline runs in UTC. */
    private static Object value(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return value;
    }
}
