package org.trustinsights.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Staff read from a school's MIS database over JDBC, incrementally by watermark. */
class StaffFromDatabaseTest {

    @TempDir
    Path work;

    Path config;
    String url;

    @BeforeEach
    void createMisDatabase() throws IOException, SQLException {
        url = "jdbc:h2:file:" + work.resolve("mis");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE staff (staff_id VARCHAR, trn VARCHAR, email VARCHAR, given_name VARCHAR,
                        family_name VARCHAR, role_title VARCHAR, role_level VARCHAR, line_manager_staff_id VARCHAR,
                        role_start_date DATE, role_end_date DATE, npq VARCHAR, updated_at TIMESTAMP)""");
            statement.execute("""
                    INSERT INTO staff VALUES
                    ('M1', '3000001', 'm1@gamma.sch.uk', 'Nia', 'North', 'Headteacher', 'headteacher', NULL,
                     DATE '2012-09-01', NULL, 'NPQH', TIMESTAMP '2024-10-01 09:00:00'),
                    ('M2', NULL, 'm2@gamma.sch.uk', 'Oli', 'Ode', 'Deputy Head', 'deputy_head', 'M1',
                     DATE '2020-09-01', NULL, NULL, TIMESTAMP '2024-10-02 09:00:00'),
                    ('M3', '3000003', 'm3@gamma.sch.uk', 'Pip', 'Parr', 'Bursar', 'business_manager', 'M1',
                     DATE '2020-09-01', NULL, NULL, TIMESTAMP '2024-10-03 09:00:00')""");
        }
        config = work.resolve("trust.yaml");
        Files.copy(Path.of(getClass().getResource("/framework.yaml").getPath()), work.resolve("framework.yaml"));
        Files.writeString(config, """
                trust: {name: Gamma Trust, code: gamma}
                framework: framework.yaml
                schools:
                  - urn: 100003
                    name: Gamma Academy
                    phase: secondary
                    region: East
                    joined_on: 2019-09-01
                    sources:
                      mis: {kind: jdbc, url: "jdbc:h2:file:{config_dir}/mis", user: sa}
                storage:
                  root: lake
                """);
    }

    @Test
    void landsRowsPastTheWatermarkOnly() throws SQLException {
        List<ExtractRunner.Outcome> first = extract();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("UPDATE staff SET role_title = 'Deputy Headteacher', updated_at = TIMESTAMP "
                    + "'2024-11-05 09:00:00' WHERE staff_id = 'M2'");
        }

        List<ExtractRunner.Outcome> second = extract();
        List<ExtractRunner.Outcome> third = extract();

        assertThat(first).extracting(ExtractRunner.Outcome::read, ExtractRunner.Outcome::written,
                ExtractRunner.Outcome::rejected).containsExactly(tuple(3L, 2L, 1L));
        assertThat(second).extracting(ExtractRunner.Outcome::read, ExtractRunner.Outcome::written)
                .containsExactly(tuple(1L, 1L));
        assertThat(third).extracting(ExtractRunner.Outcome::status).containsExactly("NOTHING NEW");
        List<Map<String, Object>> manifests = StaffExtractJobTest.rows(work.resolve("lake/bronze/load_manifests"));
        assertThat(manifests).extracting(row -> row.get("watermark_after"))
                .containsExactlyInAnyOrder("2024-10-03T09:00:00Z", "2024-11-05T09:00:00Z");
    }

    @Test
    void aDatabaseValueOutsideTheContractIsRejectedWithItsRow() {
        extract();

        List<Map<String, Object>> rejects = StaffExtractJobTest.rows(work.resolve("lake/bronze/rejects"));

        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.get("reason")).isEqualTo("role_level 'business_manager' is not one of "
                    + "[middle_leader, assistant_head, deputy_head, headteacher, executive_head]");
            assertThat(reject.get("source_location")).isEqualTo("jdbc:staff");
            assertThat(reject.get("source_position")).isEqualTo(3L);
        });
    }

    private List<ExtractRunner.Outcome> extract() {
        try (ConfigurableApplicationContext context = SpringApplication.run(ExtractApplication.class,
                "--insights.config=" + config, "--insights.load-date=2025-01-10",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs"))) {
            return context.getBean(ExtractRunner.class).outcomes();
        }
    }
}
