package org.trustinsights.warehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.TestLakeAccess;
import org.trustinsights.warehouse.Transform;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.silver.PseudonymKeys;

/**
 * The quality gate on the tiny trust. A good first run passes every error-level check and
 * records its outcomes; then each test breaks silver the way one kind of check should catch, or
 * lands a bad load, and asserts that the gate closes naming that check, that silver and gold
 * stay as they were and that the report says so. Each test puts silver back afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QualityGateTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final PseudonymKeys KEYS = new PseudonymKeys("quality-gate-secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path work;

    Path config;
    Lakehouse lake;
    Transform.Result firstRun;
    Transform.Result goldRun;
    Map<String, Long> silverBefore;

    @BeforeAll
    void landAndTransform() throws IOException {
        config = TestLakeAccess.copyTinyTrust(work);
        TestLakeAccess.extract(config, work, "2025-01-10");
        lake = TestLakeAccess.lakehouse(config);

        firstRun = transform("silver");
        goldRun = transform("gold.leader_headcount");
    }

    @AfterEach
    void putSilverBack() {
        if (silverBefore != null) {
            silverBefore.forEach((table, version) -> {
                if (lake.version(table) != version) {
                    lake.restore(table, version);
                }
            });
            silverBefore = null;
        }
    }

    @Test
    @Order(1)
    void aGoodRunPassesEveryErrorCheckAndRecordsEachOutcome() {
        List<Row> recorded = lake.read("ops.quality_results")
                .filter("run_id IN ('" + firstRun.runId() + "', '" + goldRun.runId() + "')")
                .collectAsList();
        Row run = lake.read("ops.pipeline_runs").filter("run_id = '" + firstRun.runId() + "'").first();

        assertThat(firstRun.gateClosed()).isFalse();
        assertThat(goldRun.gateClosed()).isFalse();
        assertThat(firstRun.closing()).isEmpty();
        assertThat(recorded).hasSize(firstRun.outcomes().size() + goldRun.outcomes().size());
        assertThat(recorded).extracting(row -> row.<String>getAs("table_name"))
                .contains("bronze.diagnostics_responses", "silver.diagnostic_responses", "gold.leader_headcount");
        assertThat(recorded).extracting(row -> row.<String>getAs("check_name"))
                .contains("score_in_range", "primary_key_unique", "leader_key_references_leader", "row_count_drop",
                        "cycle_ends_after_start", "rejects_value_in_range");
        assertThat(run.<String>getAs("status")).isEqualTo("succeeded");
        assertThat(run.<Object>getAs("finished_at")).isNotNull();
    }

    @Test
    @Order(2)
    void aRerunOnUnchangedTablesChecksNothingAgain() {
        Transform.Result rerun = transform("silver");

        assertThat(rerun.gateClosed()).isFalse();
        assertThat(rerun.outcomes()).isEmpty();
        assertThat(report(rerun.runId())).contains("It checked nothing", goldRun.runId(), "Gate open.");
    }

    @Test
    @Order(3)
    void aDuplicateKeyClosesTheGate() {
        breakSilver("INSERT INTO delta.`%s` SELECT * FROM delta.`%s` WHERE status = 'completed' LIMIT 1",
                "silver.development_cycles");

        assertClosedBy(transform(), "silver.development_cycles", "primary_key_unique",
                "rows fail", "cycle_key=");
    }

    @Test
    @Order(4)
    void aDanglingReferenceClosesTheGate() {
        breakSilver("UPDATE delta.`%s` SET leader_key = 'no-such-leader' WHERE status = 'active'",
                "silver.development_cycles");

        assertClosedBy(transform(), "silver.development_cycles", "leader_key_references_leader",
                "leader_key=no-such-leader");
    }

    @Test
    @Order(5)
    void anOutOfRangeScoreClosesTheGate() {
        breakSilver("UPDATE delta.`%s` SET score = 9 WHERE item_id = 'S1-1' AND rater_role = 'self'",
                "silver.diagnostic_responses");

        assertClosedBy(transform(), "silver.diagnostic_responses", "score_in_range", "score=9");
    }

    @Test
    @Order(6)
    void aSuddenDropInRowsClosesTheGate() {
        breakSilver("DELETE FROM delta.`%s` WHERE abs(hash(rater_key, item_id)) %% 10 < 6",
                "silver.diagnostic_responses");

        assertClosedBy(transform(), "silver.diagnostic_responses", "row_count_drop",
                "size of rows against earlier good runs is an anomaly");
    }

    @Test
    @Order(7)
    void aBadLandingLoadStopsBeforeSilverTakesIt() throws IOException {
        Map<String, Long> silver = versions(silverTables());
        Files.writeString(config.getParent().resolve("sources/100002/diagnostics/cycles/cycles-bad.jsonl"),
                "{\"cycle_id\":\"CYC90\",\"participant_id\":\"P0102\",\"staff_id\":\"B02\","
                        + "\"start_date\":\"2025-03-03\",\"due_date\":\"2025-01-01\",\"completed_date\":null,"
                        + "\"status\":\"active\",\"focus_behaviours\":\"S1\",\"updated_at\":\"2025-03-03T09:00:00Z\"}\n");
        TestLakeAccess.extract(config, work, "2025-03-04");

        Transform.Result result = transform();

        assertThat(result.closedAt()).isEqualTo("landing");
        assertThat(result.closing()).extracting(outcome -> outcome.check().name())
                .containsExactly("cycle_due_after_start");
        assertThat(result.closing().get(0).message()).contains("cycles-bad.jsonl", "load_id=");
        assertThat(versions(silverTables())).isEqualTo(silver);
    }

    @Test
    @Order(8)
    void aLoadSetAsideIsLeftOutAndTheGateOpensAgain() {
        Row bad = lake.spark().read().parquet(lake.path("bronze.load_manifests"))
                .filter("entity = 'cycles' AND school_urn = 100002 AND load_date = DATE'2025-03-04'").first();
        long cycles = lake.read("silver.development_cycles").count();

        new org.trustinsights.warehouse.lake.LandingLoads(lake, new org.trustinsights.warehouse.lake.DeltaWriter(lake))
                .setAside(bad.getAs("load_id"), "due date before start; resent corrected");
        Transform.Result result = transform("silver");

        assertThat(result.gateClosed()).isFalse();
        assertThat(lake.read("silver.development_cycles").count()).isEqualTo(cycles);
        assertThat(lake.read("ops.applied_loads").filter("load_id = '" + bad.getAs("load_id") + "'").count())
                .isZero();
    }

    private void breakSilver(String statement, String table) {
        silverBefore = versions(silverTables());
        String path = lake.path(table);
        lake.spark().sql(String.format(statement, path, path));
    }

    private void assertClosedBy(Transform.Result result, String table, String check, String... messageParts) {
        Map<String, Long> silverAfterBreak = versions(silverTables());
        Map<String, Long> gold = versions(goldTables());

        assertThat(result.closedAt()).isEqualTo("silver");
        assertThat(result.closing()).extracting(outcome -> outcome.check().table() + " " + outcome.check().name())
                .contains(table + " " + check);
        assertThat(result.closing().stream().filter(outcome -> outcome.check().name().equals(check)).findFirst()
                .orElseThrow().message()).contains(messageParts);
        assertThat(versions(goldTables())).isEqualTo(gold).isEqualTo(versions(goldTables(), goldRun));
        assertThat(silverAfterBreak.get("ops.applied_loads")).isEqualTo(silverBefore.get("ops.applied_loads"));
        assertThat(report(result.runId())).contains("gate_closed", check, table,
                "Gate closed: an error-level check failed");
        assertThat(lake.read("ops.pipeline_runs").filter("run_id = '" + result.runId() + "'").first()
                .<String>getAs("status")).isEqualTo("gate_closed");
    }

    private String report(String runId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new QualityReport(lake).print(runId, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> silverTables() {
        return List.of("silver.development_cycles", "silver.diagnostic_responses", "silver.leader",
                "silver.diagnostic_sittings", "ops.applied_loads");
    }

    private List<String> goldTables() {
        return List.of("gold.leader_headcount");
    }

    private Map<String, Long> versions(List<String> tables) {
        Map<String, Long> versions = new LinkedHashMap<>();
        tables.forEach(table -> versions.put(table, lake.version(table)));
        return versions;
    }

    /** The versions the first run left, from what it wrote. */
    private Map<String, Long> versions(List<String> tables, Transform.Result run) {
        Map<String, Long> versions = new LinkedHashMap<>();
        tables.forEach(table -> run.writes().stream().filter(write -> write.table().equals(table))
                .forEach(write -> versions.put(table, write.version())));
        return versions;
    }

    /** A whole run: with silver broken, the gate closes before gold is built. */
    private Transform.Result transform() {
        return transform(null);
    }

    private Transform.Result transform(String table) {
        return new Transform(lake, TrustConfig.load(config), KEYS, AS_OF).run(table);
    }
}
