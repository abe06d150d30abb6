package org.trustinsights.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;
import org.trustinsights.warehouse.silver.PseudonymKeys;

/**
 * Corrections and withdrawals that arrive after the first load: the tiny trust lands and merges
 * into silver, with one cycle of a leader the MIS has not sent yet; then a second drop changes a
 * cycle's focus, deletes a cycle, sends an older version of a third cycle, corrects one answer,
 * withdraws another, and the MIS sends the missing leader. Silver takes the newer versions,
 * removes focus rows the source no longer lists, keeps deleted records marked, and takes in the
 * waiting cycle once its leader is known.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LateCorrectionsTest {

    static final PseudonymKeys KEYS = new PseudonymKeys("late-corrections-secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path work;

    Path config;
    Lakehouse lake;
    long responsesBefore;
    long cycleOfUnknownLeaderBefore;
    List<TableWrite> rerun;

    @BeforeAll
    void landCorrectionsAfterTheFirstLoad() throws IOException {
        config = TestLake.copyTrust(TestLake.TINY_TRUST, work);
        Path diagnostics = config.getParent().resolve("sources/100001/diagnostics");
        Files.writeString(diagnostics.resolve("cycles/cycles-new-starter.jsonl"),
                cycle("CYC99", "A20", "active", "S2", "", "2024-09-20T09:00:00Z") + "\n");
        TestLake.extract(config, work, "2025-01-10");
        lake = TestLake.lakehouse(config);
        transform();
        responsesBefore = lake.read("silver.diagnostic_responses").count();
        cycleOfUnknownLeaderBefore = lake.read("silver.development_cycles")
                .filter(col("cycle_key").equalTo(cycleKey("CYC99"))).count();

        Files.writeString(diagnostics.resolve("cycles/cycles-corrections.jsonl"), String.join("\n",
                cycle("CYC01", "A02", "completed", "S2", "", "2024-03-01T09:00:00Z"),
                cycle("CYC02", "A04", "completed", "S1|C1", ",\"deleted\":true", "2024-03-01T09:00:00Z"),
                cycle("CYC03", "A05", "completed", "C1|S2", "", "2024-01-01T09:00:00Z")) + "\n");
        Files.writeString(diagnostics.resolve("responses/responses-corrections.jsonl"), String.join("\n",
                answer("S1-1", 2, ""),
                answer("S1-2", 4, ",\"deleted\":true")) + "\n");
        Files.writeString(config.getParent().resolve("sources/100001/mis/staff/staff-2025-02.csv"),
                Files.readAllLines(config.getParent().resolve("sources/100001/mis/staff/staff-2025-01.csv")).get(0)
                        + "\nA20,1000020,a20@alpha.sch.uk,Uma,Ure,Head of PE,middle_leader,A02,2024-09-01,,,"
                        + "2025-01-11T08:00:00Z\n");
        TestLake.extract(config, work, "2025-01-11");
        transform();
        rerun = transform();
    }

    @Test
    void aChangedFocusReplacesTheOldOne() {
        assertThat(focus("CYC01")).containsExactly("S2");
    }

    @Test
    void anOlderVersionArrivingLateChangesNothing() {
        assertThat(focus("CYC03")).containsExactly("S1");
    }

    @Test
    void aDeletedCycleIsMarkedAndKept() {
        Row cycle = lake.read("silver.development_cycles").filter(col("cycle_key").equalTo(cycleKey("CYC02")))
                .first();

        assertThat(cycle.<Boolean>getAs("is_deleted")).isTrue();
        assertThat(focus("CYC02")).containsExactly("S1", "C1");
    }

    @Test
    void aCorrectedAnswerReplacesTheFirstAndAWithdrawnOneIsMarked() {
        List<Row> answers = lake.read("silver.diagnostic_responses")
                .filter(col("sitting_key").equalTo(KEYS.key("D", "100001:SIT23A01"))
                        .and(col("rater_key").equalTo(KEYS.key("R", "R0001"))))
                .orderBy("item_id")
                .collectAsList();

        assertThat(answers).extracting(row -> row.getAs("item_id"), row -> row.getAs("score"),
                        row -> row.getAs("is_deleted"))
                .contains(org.assertj.core.groups.Tuple.tuple("S1-1", 2, false),
                        org.assertj.core.groups.Tuple.tuple("S1-2", 4, true));
        assertThat(lake.read("silver.diagnostic_responses").count()).isEqualTo(responsesBefore);
    }

    @Test
    void aRecordWhoseLeaderArrivesLaterJoinsSilverThen() {
        Row cycle = lake.read("silver.development_cycles").filter(col("cycle_key").equalTo(cycleKey("CYC99")))
                .first();
        Row load = lake.read("ops.applied_loads")
                .filter(col("table_name").equalTo("silver.development_cycles").and(col("count_unmatched").gt(0)))
                .orderBy("load_id")
                .collectAsList()
                .stream()
                .findFirst()
                .orElse(null);

        assertThat(cycleOfUnknownLeaderBefore).isZero();
        assertThat(cycle.<String>getAs("leader_key")).isEqualTo(lake.read("silver.leader_match")
                .filter(col("staff_id").equalTo("A20")).first().getAs("leader_key"));
        assertThat(load).as("a load still waiting for a leader").isNull();
    }

    @Test
    void aRerunAfterTheCorrectionsChangesNothing() {
        assertThat(rerun).allSatisfy(write -> assertThat(write.unchanged()).as(write.table()).isTrue());
    }

    private List<String> focus(String cycleId) {
        return lake.read("silver.cycle_focus").filter(col("cycle_key").equalTo(cycleKey(cycleId)))
                .orderBy("focus_order")
                .collectAsList()
                .stream()
                .map(row -> row.<String>getAs("behaviour_code"))
                .toList();
    }

    private static String cycleKey(String cycleId) {
        return KEYS.key("C", "100001:" + cycleId);
    }

    private static String cycle(String id, String staffId, String status, String focus, String extra,
            String updatedAt) {
        return "{\"cycle_id\":\"" + id + "\",\"participant_id\":\"P" + staffId + "\",\"staff_id\":\"" + staffId
                + "\",\"start_date\":\"2023-11-06\",\"due_date\":\"2024-02-04\",\"completed_date\":"
                + (status.equals("completed") ? "\"2024-02-01\"" : "null") + ","
                + "\"status\":\"" + status + "\",\"focus_behaviours\":\"" + focus + "\"" + extra
                + ",\"updated_at\":\"" + updatedAt + "\"}";
    }

    private static String answer(String item, int score, String extra) {
        return "{\"sitting_id\":\"SIT23A01\",\"rater_id\":\"R0001\",\"rater_role\":\"self\",\"item_id\":\"" + item
                + "\",\"score\":" + score + ",\"answered_at\":\"2023-10-02T16:00:00Z\"" + extra
                + ",\"updated_at\":\"2024-06-01T09:00:00Z\"}";
    }

    private List<TableWrite> transform() {
        return new Transform(lake, TrustConfig.load(config), KEYS, LocalDate.of(2025, 6, 30)).run("silver").writes();
    }
}
