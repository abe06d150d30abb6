package org.trustinsights.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A school MIS on a real PostgreSQL server, holding the staff the sample generator wrote for
 * one school: read with a configured query, streamed by cursor, incrementally by watermark.
 */
class StaffFromPostgresTest {

    static final int SCHOOL = 140144;
    static final String SAMPLE_MIS = "jdbc:h2:file:" + SeededDefectsTest.SAMPLE.toAbsolutePath()
            .resolve("sources/" + SCHOOL + "/mis/mis") + ";ACCESS_MODE_DATA=r";

    static EmbeddedPostgres postgres;

    @TempDir
    Path work;

    Path config;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void fillTheMisFromTheSample() throws IOException, SQLException {
        try (Connection target = postgres.getPostgresDatabase().getConnection();
                Statement statement = target.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS mis CASCADE");
            statement.execute("CREATE SCHEMA mis");
            statement.execute("""
                    CREATE TABLE mis.staff_roles (staff_id text, trn text, email text, given_name text,
                        family_name text, role_title text, role_level text, line_manager_staff_id text,
                        role_start_date date, role_end_date date, npq text, last_changed timestamp)""");
            copySampleStaff(target);
        }
        Files.copy(SeededDefectsTest.SAMPLE.resolve("framework.yaml"), work.resolve("framework.yaml"));
        config = work.resolve("trust.yaml");
        Files.writeString(config, """
                trust: {name: Postgres Trust, code: postgres_trust}
                framework: framework.yaml
                schools:
                  - urn: %d
                    name: Thorndale Park
                    phase: alternative_provision
                    region: East
                    joined_on: 2019-09-01
                    sources:
                      mis:
                        kind: jdbc
                        url: "%s"
                        user: postgres
                        queries:
                          staff: >
                            SELECT staff_id, trn, email, given_name, family_name, role_title, role_level,
                                   line_manager_staff_id, role_start_date, role_end_date, npq,
                                   last_changed AS updated_at
                            FROM mis.staff_roles WHERE last_changed > ? ORDER BY last_changed
                storage:
                  root: lake
                """.formatted(SCHOOL, postgres.getJdbcUrl("postgres", "postgres")));
    }

    @Test
    void landsTheSchoolsStaffThenOnlyWhatChanged() throws SQLException {
        int inSample = count("SELECT count(*) FROM mis.staff_roles");

        List<ExtractRunner.Outcome> first = extract();
        execute("UPDATE mis.staff_roles SET role_title = 'Head of School', last_changed = TIMESTAMP "
                + "'2027-01-04 08:00:00' WHERE role_level = 'headteacher'");
        List<ExtractRunner.Outcome> second = extract();
        List<ExtractRunner.Outcome> third = extract();

        assertThat(first).extracting(ExtractRunner.Outcome::read, ExtractRunner.Outcome::rejected)
                .containsExactly(tuple((long) inSample, 1L));
        assertThat(second).extracting(ExtractRunner.Outcome::status, ExtractRunner.Outcome::written)
                .containsExactly(tuple("LANDED", (long) count("SELECT count(*) FROM mis.staff_roles "
                        + "WHERE role_level = 'headteacher'")));
        assertThat(third).extracting(ExtractRunner.Outcome::status).containsExactly("NOTHING NEW");
    }

    @Test
    void theSeededMissingKeyIsRejectedFromTheDatabaseToo() {
        extract();

        assertThat(StaffExtractJobTest.rows(work.resolve("lake/bronze/rejects")))
                .extracting(row -> row.get("reason"), row -> row.get("source_location"))
                .containsExactly(tuple("staff_id is empty but required", "jdbc:staff"));
    }

    @Test
    void theJobRepositoryCanLiveInPostgresToo() throws SQLException {
        execute("DROP SCHEMA IF EXISTS batch CASCADE");
        execute("CREATE SCHEMA batch");
        String repository = postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=batch";

        List<ExtractRunner.Outcome> outcomes;
        try (ConfigurableApplicationContext context = SpringApplication.run(ExtractApplication.class,
                "--insights.config=" + config, "--insights.load-date=2027-01-05",
                "--spring.datasource.url=" + repository, "--spring.datasource.username=postgres")) {
            outcomes = context.getBean(ExtractRunner.class).outcomes();
        }

        assertThat(outcomes).extracting(ExtractRunner.Outcome::status).containsExactly("LANDED");
        assertThat(count("SELECT count(*) FROM batch.batch_job_execution WHERE status = 'COMPLETED'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM batch.batch_step_execution")).isEqualTo(3);
    }

    private static void copySampleStaff(Connection target) throws SQLException {
        try (Connection sample = DriverManager.getConnection(SAMPLE_MIS, "sa", "");
                ResultSet rows = sample.createStatement().executeQuery("SELECT * FROM STAFF");
                PreparedStatement insert = target.prepareStatement(
                        "INSERT INTO mis.staff_roles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            while (rows.next()) {
                for (int column = 1; column <= 12; column++) {
                    insert.setObject(column, rows.getObject(column));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute(sql);
        }
    }

    private List<ExtractRunner.Outcome> extract() {
        try (ConfigurableApplicationContext context = SpringApplication.run(ExtractApplication.class,
                "--insights.config=" + config, "--insights.load-date=2027-01-05",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs"))) {
            return context.getBean(ExtractRunner.class).outcomes();
        }
    }
}
