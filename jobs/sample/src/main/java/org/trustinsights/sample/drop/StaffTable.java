package org.trustinsights.sample.drop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes a school MIS as an H2 file database, {@code mis.mv.db}, with one table STAFF whose
 * columns are the staff drop's, typed: text as VARCHAR, dates as DATE, {@code updated_at} as a
 * TIMESTAMP in UTC. Rows go in the drop's order, so a row's position is its insertion order.
 */
final class StaffTable {

    static final String LOCATION = "jdbc:STAFF";
    static final String USER = "sa";

    private static final String CREATE = """
            CREATE TABLE STAFF (
                staff_id VARCHAR(20),
                trn VARCHAR(7),
                email VARCHAR(254),
                given_name VARCHAR(100),
                family_name VARCHAR(100),
                role_title VARCHAR(200),
                role_level VARCHAR(30),
                line_manager_staff_id VARCHAR(20),
                role_start_date DATE,
                role_end_date DATE,
                npq VARCHAR(60),
                updated_at TIMESTAMP
            )""";

    private StaffTable() {}

    /** The JDBC URL of the database whose file is {@code <base>.mv.db}. */
    static String url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath();
    }

    static void write(Path base, List<Row> rows) {
        try {
            Files.createDirectories(base.getParent());
            Files.deleteIfExists(base.resolveSibling(base.getFileName() + ".mv.db"));
            try (Connection connection = DriverManager.getConnection(url(base), USER, "")) {
                create(connection);
                insert(connection, rows);
                shutDown(connection);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot write staff database " + base + ".mv.db: "
                    + e.getMessage(), e);
        }
    }

    private static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
    }

    private static void insert(Connection connection, List<Row> rows) throws SQLException {
        connection.setAutoCommit(false);
        String placeholders = "?,".repeat(Entity.MIS_STAFF.columns().size() - 1) + "?";
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO STAFF VALUES (" + placeholders + ")")) {
            for (Row row : rows) {
                bind(insert, row);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    private static void bind(PreparedStatement insert, Row row) throws SQLException {
        List<String> columns = Entity.MIS_STAFF.columns();
        for (int column = 0; column < columns.size(); column++) {
            String value = row.value(column);
            String name = columns.get(column);
            if (value == null || value.isEmpty()) {
                insert.setObject(column + 1, null);
            } else if (name.endsWith("_date")) {
                insert.setObject(column + 1, LocalDate.parse(value));
            } else if (name.endsWith("_at")) {
                insert.setObject(column + 1, OffsetDateTime.parse(value).toLocalDateTime());
            } else {
                insert.setString(column + 1, value);
            }
        }
    }

    private static void shutDown(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
    }
}
