package org.trustinsights.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;
import org.trustinsights.warehouse.quality.QualityCheck;
import org.trustinsights.warehouse.silver.PseudonymKeys;

/**
 * The committed sample trust, landed by the real extract and merged into silver: every landed
 * response arrives once, those whose sitting's leader the MIS knows link to it (the sample's
 * rejected staff records leave a few sittings unmatched), raters are pseudonymous, cycles
 * carry their check-ins and focus, CPD and mentoring hold together, and a rerun with nothing
 * new changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleSilverTest {

    static final PseudonymKeys KEYS = new PseudonymKeys("sample-trust-test-secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path work;

    Path config;
    Lakehouse lake;
    List<TableWrite> firstRun;
    Transform.Result firstResult;

    @BeforeAll
    void landAndTransform() throws IOException {
        config = TestLake.copyTrust(TestLake.REPOSITORY.resolve("config/sample"), work);
        TestLake.extract(config, work, "2026-09-01");
        lake = TestLake.lakehouse(config);

        firstResult = new Transform(lake, TrustConfig.load(config), KEYS, LocalDate.of(2026, 8, 31)).run(null);
        firstRun = firstResult.writes();
    }

    @Test
    void everySeededDefectIsCaughtByANamedCheckThatWarns() throws IOException {
        Map<String, String> checkOfKind = Map.of(
                "duplicate_row", "rejects_record_unique",
                "unknown_school_urn", "rejects_school_in_trust",
                "score_out_of_scale", "rejects_value_in_range",
                "malformed_date", "rejects_value_typed",
                "missing_key", "rejects_required_present");
        JsonNode defects = new ObjectMapper().readTree(config.getParent().resolve("defects.json").toFile())
                .get("defects");
        Map<String, Long> expected = new TreeMap<>();
        for (JsonNode defect : defects) {
            String table = "bronze." + defect.get("system").asText() + "_" + defect.get("entity").asText();
            expected.merge(table + " " + checkOfKind.get(defect.get("kind").asText()), 1L, Long::sum);
        }

        Map<String, Long> caught = new TreeMap<>();
        firstResult.outcomes().stream()
                .filter(outcome -> outcome.check().kind() == QualityCheck.Kind.REJECTS && !outcome.passed())
                .forEach(outcome -> caught.put(outcome.check().table() + " " + outcome.check().name(),
                        outcome.metric().longValue()));

        assertThat(defects).hasSize(20);
        assertThat(caught).isEqualTo(expected);
        assertThat(firstResult.closing()).isEmpty();
    }

    @Test
    void everyLandedResponseArrivesOnceAndThoseOfKnownSittingsLinkUp() {
        Dataset<Row> landed = lake.spark().read().parquet(lake.path("bronze.diagnostics_responses"))
                .select("school_urn", "sitting_id", "rater_id", "item_id").distinct();
        Dataset<Row> responses = lake.read("silver.diagnostic_responses");

        long ofKnownSittings = landed.join(sittingsInSilver(), new String[] {"school_urn", "sitting_id"}).count();
        long linked = responses.join(lake.read("silver.diagnostic_sittings"), "sitting_key").count();

        assertThat(responses.count()).isEqualTo(landed.count()).isGreaterThan(100_000);
        assertThat(responses.select("sitting_key", "rater_key", "item_id").distinct().count())
                .isEqualTo(responses.count());
        assertThat(linked).isEqualTo(ofKnownSittings).isLessThan(responses.count());
    }

    @Test
    void ratersArePseudonymous() {
        Dataset<Row> raterKeys = lake.read("silver.diagnostic_responses").select("rater_key").distinct();
        Dataset<Row> raterIds = lake.spark().read().parquet(lake.path("bronze.diagnostics_responses"))
                .select(col("rater_id").as("rater_key")).distinct();

        assertThat(raterKeys.filter(col("rater_key").rlike("^R[0-9a-f]{20}$")).count()).isEqualTo(raterKeys.count());
        assertThat(raterKeys.intersect(raterIds).count()).isZero();
    }

    @Test
    void sittingsFallInTheirAcademicYear() {
        Dataset<Row> sittings = lake.read("silver.diagnostic_sittings");

        assertThat(sittings.count()).isGreaterThan(250);
        assertThat(sittings.filter("sitting_date < to_date(concat(substr(academic_year, 1, 4), '-09-01')) OR "
                + "sitting_date > to_date(concat(cast(substr(academic_year, 1, 4) AS int) + 1, '-08-31'))").count())
                .isZero();
    }

    @Test
    void cyclesCountTheirCheckinsAndHoldOneToThreeFocusBehaviours() {
        Dataset<Row> cycles = lake.read("silver.development_cycles");
        Dataset<Row> counted = lake.read("silver.cycle_checkins").groupBy("cycle_key").count();
        Dataset<Row> focus = lake.read("silver.cycle_focus");

        assertThat(cycles.count()).isGreaterThan(400);
        assertThat(cycles.join(counted, new String[] {"cycle_key"}, "left")
                .filter("count_checkins <> coalesce(count, 0)").count()).isZero();
        assertThat(focus.groupBy("cycle_key").count().filter("count < 1 OR count > 3").count()).isZero();
        assertThat(focus.select("cycle_key").distinct().count()).isEqualTo(cycles.count());
        assertThat(focus.join(lake.read("silver.behaviour"), new String[] {"behaviour_code"}, "left_anti").count())
                .isZero();
    }

    @Test
    void attendanceAndMentoringNameKnownEventsPeopleAndSchools() {
        Dataset<Row> attendance = lake.read("silver.cpd_attendance");
        Dataset<Row> mentoring = lake.read("silver.mentoring_relationships");

        assertThat(attendance.count()).isGreaterThan(300);
        assertThat(attendance.join(lake.read("silver.cpd_events"), new String[] {"event_key"}, "left_anti").count())
                .isZero();
        assertThat(mentoring.count()).isPositive();
        assertThat(mentoring.filter("mentor_leader_key = mentee_leader_key").count()).isZero();
        assertThat(mentoring.join(lake.read("silver.school").withColumnRenamed("school_urn", "mentor_school_urn"),
                new String[] {"mentor_school_urn"}, "left_anti").count()).isZero();
    }

    @Test
    void mentorMatchesOnTheSampleKeepEveryRule() {
        int capacity = TrustConfig.load(config).mentoring().capacity();
        lake.read("gold.mentor_matches").createOrReplaceTempView("matches");
        lake.read("silver.leader").createOrReplaceTempView("spells");
        Dataset<Row> proposed = lake.spark().sql("SELECT * FROM matches WHERE NOT is_existing");

        assertThat(proposed.count()).as("proposed matches").isPositive();
        assertThat(lake.read("gold.mentor_unmatched").count()).as("needs left").isPositive();
        assertThat(proposed.filter("mentee_school_urn = mentor_school_urn").count()).as("same-school pairs").isZero();
        assertThat(lake.spark().sql("SELECT mentor_leader_key FROM matches GROUP BY mentor_leader_key "
                + "HAVING count(*) > " + capacity + " AND count(*) > sum(CAST(is_existing AS INT))").count())
                .as("mentors over capacity").isZero();
        assertThat(lake.spark().sql("SELECT mentee_leader_key FROM matches GROUP BY mentee_leader_key "
                + "HAVING count(*) FILTER (WHERE NOT is_existing) > 0 AND count(*) > 1").count())
                .as("mentees with more than one mentor").isZero();
        assertThat(lake.spark().sql("SELECT * FROM matches m JOIN spells s ON s.leader_key = m.mentee_leader_key "
                + "AND s.line_manager_leader_key = m.mentor_leader_key AND s.valid_from <= m.as_of_date "
                + "AND (s.valid_to IS NULL OR s.valid_to >= m.as_of_date) WHERE NOT m.is_existing").count())
                .as("line-manager pairs").isZero();
        assertThat(proposed.filter("array_position(array('middle_leader', 'assistant_head', 'deputy_head', "
                + "'headteacher', 'executive_head'), mentor_role_level) < array_position(array('middle_leader', "
                + "'assistant_head', 'deputy_head', 'headteacher', 'executive_head'), mentee_role_level)").count())
                .as("mentors below their mentee").isZero();
    }

    @Test
    void aRerunWithNothingNewChangesNoTable() {
        List<TableWrite> rerun = transform();

        assertThat(rerun).allSatisfy(write -> assertThat(write.unchanged()).as(write.table()).isTrue());
    }

    /** Sittings that silver holds, by the platform's id: those whose leader the MIS knows. */
    private Dataset<Row> sittingsInSilver() {
        Dataset<Row> landed = lake.spark().read().parquet(lake.path("bronze.diagnostics_sittings"));
        lake.spark().udf().register("sitting_key_of", (org.apache.spark.sql.api.java.UDF2<Integer, String, String>)
                (urn, id) -> KEYS.key("D", urn + ":" + id), org.apache.spark.sql.types.DataTypes.StringType);
        return landed.withColumn("sitting_key", org.apache.spark.sql.functions.callUDF("sitting_key_of",
                        col("school_urn"), col("sitting_id")))
                .join(lake.read("silver.diagnostic_sittings").select("sitting_key"), "sitting_key")
                .select("school_urn", "sitting_id");
    }

    private List<TableWrite> transform() {
        return new Transform(lake, TrustConfig.load(config), KEYS, LocalDate.of(2026, 8, 31)).run(null).writes();
    }
}
