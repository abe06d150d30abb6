package org.trustinsights.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * The tiny trust from its drops to gold: the real extract job lands staff and diagnostics, the
 * transform builds silver and gold, and every figure is checked against
 * jobs/testdata/tiny-trust/README.md, where it is worked out by hand, and against the rows that
 * expected.py beside it computes independently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TinyTrustToGoldTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final PseudonymKeys KEYS = new PseudonymKeys("tiny-trust-test-secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path work;

    Path config;
    Lakehouse lake;
    List<TableWrite> firstRun;

    @BeforeAll
    void landAndTransform() throws IOException {
        config = TestLake.copyTrust(TestLake.TINY_TRUST, work);
        TestLake.extract(config, work, "2025-01-10");
        lake = TestLake.lakehouse(config);

        firstRun = transform();
    }

    @Test
    void headcountsMatchTheHandWorkedFigures() {
        List<Row> rows = lake.read("gold.leader_headcount").orderBy("academic_year", "school_urn", "role_level")
                .collectAsList();

        assertThat(rows).extracting(row -> row.getString(0), row -> row.getInt(1), row -> row.getString(4),
                        row -> row.isNullAt(5) ? null : row.getInt(5), row -> row.getString(7))
                .containsExactly(
                        tuple("2023/24", 100001, "all", 8, null),
                        tuple("2023/24", 100001, "assistant_head", null, "fewer_than_min_group_size"),
                        tuple("2023/24", 100001, "deputy_head", null, "fewer_than_min_group_size"),
                        tuple("2023/24", 100001, "executive_head", null, "secondary_suppression"),
                        tuple("2023/24", 100001, "headteacher", null, "fewer_than_min_group_size"),
                        tuple("2023/24", 100001, "middle_leader", null, "secondary_suppression"),
                        tuple("2024/25", 100001, "all", 12, null),
                        tuple("2024/25", 100001, "assistant_head", null, "secondary_suppression"),
                        tuple("2024/25", 100001, "deputy_head", 3, null),
                        tuple("2024/25", 100001, "executive_head", null, "secondary_suppression"),
                        tuple("2024/25", 100001, "headteacher", null, "fewer_than_min_group_size"),
                        tuple("2024/25", 100001, "middle_leader", 5, null),
                        tuple("2024/25", 100002, "all", 9, null),
                        tuple("2024/25", 100002, "assistant_head", null, "fewer_than_min_group_size"),
                        tuple("2024/25", 100002, "deputy_head", null, "fewer_than_min_group_size"),
                        tuple("2024/25", 100002, "executive_head", 0, null),
                        tuple("2024/25", 100002, "headteacher", null, "fewer_than_min_group_size"),
                        tuple("2024/25", 100002, "middle_leader", 4, null));
    }

    @Test
    void aLeaderWhoMovedSchoolKeepsOnePersonKey() {
        List<Row> spells = lake.spark().sql("SELECT school_urn, staff_id, role_level, valid_from, valid_to, is_current"
                + " FROM delta.`" + lake.path("silver.leader") + "` WHERE leader_key = ("
                + " SELECT leader_key FROM delta.`" + lake.path("silver.leader_match") + "`"
                + " WHERE school_urn = 100002 AND staff_id = 'B05') ORDER BY valid_from").collectAsList();

        assertThat(spells).extracting(row -> row.getInt(0), row -> row.getString(1), row -> row.getString(2),
                        row -> row.getBoolean(5))
                .containsExactly(tuple(100001, "A03", "assistant_head", false),
                        tuple(100002, "B05", "deputy_head", true));
        assertThat(lake.read("silver.leader_match").filter("staff_id = 'B05'").first().<String>getAs("matched_on"))
                .isEqualTo("trn");
    }

    @Test
    void aPromotionIsTwoSpellsOfOneLeader() {
        List<Row> spells = lake.read("silver.leader").filter("school_urn = 100001 AND staff_id = 'A04'")
                .orderBy("valid_from").collectAsList();

        assertThat(spells).extracting(row -> row.<String>getAs("role_level"), row -> row.getAs("valid_to") == null)
                .containsExactly(tuple("middle_leader", false), tuple("assistant_head", true));
        assertThat(spells).extracting(row -> row.<String>getAs("leader_key"))
                .containsOnly((String) spells.get(0).getAs("leader_key"));
        assertThat(spells.get(1).<String>getAs("line_manager_leader_key")).isEqualTo(
                lake.read("silver.leader_match").filter("staff_id = 'A01'").first().getAs("leader_key"));
    }

    @Test
    void namesLiveOnlyInTheRestrictedIdentityTable() {
        assertThat(lake.read("silver.leader").columns()).doesNotContain("given_name", "family_name", "email", "trn");
        assertThat(lake.read("restricted.leader_identity").count()).isEqualTo(21);
        assertThat(lake.read("silver.leader").select("leader_key").distinct().count()).isEqualTo(21);
    }

    @Test
    void rerunWithNoNewLandingChangesNoTable() throws IOException {
        TestLake.extract(config, work, "2025-01-11");

        List<TableWrite> rerun = transform();

        assertThat(rerun).allSatisfy(write -> assertThat(write.unchanged()).as(write.table()).isTrue());
        assertThat(rerun).extracting(TableWrite::version)
                .containsExactlyElementsOf(firstRun.stream().map(TableWrite::version).toList());
    }

    @Test
    void landingFilesAsSparkReadsThemMatchTheBronzeContract() {
        var landed = lake.spark().read().parquet(lake.path("bronze.mis_staff"));

        assertThat(org.trustinsights.contract.SchemaDrift.differences(TestLake.CONTRACTS.get("bronze.mis_staff"),
                org.trustinsights.warehouse.lake.SparkSchemas.produced(landed.schema()))).isEmpty();
    }

    @Test
    void everyTableWrittenMatchesItsContract() {
        for (TableWrite write : firstRun) {
            var table = lake.read(write.table());

            assertThat(org.trustinsights.contract.SchemaDrift.differences(TestLake.CONTRACTS.get(write.table()),
                    org.trustinsights.warehouse.lake.SparkSchemas.produced(table.schema())))
                    .as(write.table()).isEmpty();
        }
    }

    @Test
    void goldIsReadableWithSqlUnderItsContractName() {
        lake.registerTables(List.of("silver", "gold"));

        Row total = lake.spark().sql("SELECT sum(count_leaders) FROM gold.leader_headcount"
                + " WHERE role_level = 'all' AND academic_year = '2024/25'").first();

        assertThat(total.getLong(0)).isEqualTo(21L);
    }

    @Test
    void everyGoldFigureMatchesTheIndependentCalculation() throws IOException {
        ExpectedGold expected = ExpectedGold.read(TestLake.TINY_TRUST.resolve("expected-gold.tsv"));
        Map<String, String> names = readableKeys();
        List<String> differences = new ArrayList<>();

        for (String table : expected.tables()) {
            differences.addAll(differences(table, expected.rows(table), names));
        }

        assertThat(expected.tables()).hasSize(12);
        assertThat(differences).isEmpty();
    }

    @Test
    void aSuccessorForTwoRolesCountsOnceOnTheSchoolsRow() {
        // Alpha 2024/25: deputies A02, A10 and A11 are ready in 1-2 years for both headship roles,
        // assistants A12 and A13 for the deputy role; the school's row counts five people, not 3 + 3 + 2.
        Map<String, Row> bench = new java.util.HashMap<>();
        lake.read("gold.succession_bench").filter("academic_year = '2024/25' AND school_urn = 100001")
                .collectAsList().forEach(row -> bench.put(row.getAs("critical_role"), row));

        assertThat(bench.get("head_of_school").<Integer>getAs("count_ready_1_2_years")).isEqualTo(3);
        assertThat(bench.get("all").<Integer>getAs("count_ready_1_2_years")).isEqualTo(5);
        assertThat(bench.get("deputy").<String>getAs("suppression_reason")).isEqualTo("fewer_than_min_group_size");
        assertThat(bench.get("all").<Boolean>getAs("is_at_risk")).isTrue();
    }

    @Test
    void readinessKeepsItsPartsAndLeavesOutAnUnknownQualification() {
        // A05, middle leader at Alpha since 2019 with no NPQ sent: S2 (the assistant level's behaviour)
        // reaches the bar in 2023/24, one cycle completed, 24+ months in role; the qualification
        // weight is left out: (0.4 + 0.15 * 0.5 + 0.15) / 0.85.
        Row readiness = lake.read("gold.succession_readiness")
                .filter(col("academic_year").equalTo("2023/24").and(col("leader_key").equalTo(leaderKey("A05"))))
                .first();

        assertThat(readiness.<Object>getAs("has_relevant_npq")).isNull();
        assertThat(readiness.<Double>getAs("behaviour_part")).isEqualTo(1.0);
        assertThat(readiness.<Double>getAs("cycles_part")).isEqualTo(0.5);
        assertThat(readiness.<Double>getAs("readiness_score")).isCloseTo(0.625 / 0.85, within(1e-9));
        assertThat(readiness.<String>getAs("readiness_band")).isEqualTo("ready_now");
    }

    @Test
    void theConversationPackTakesEachFigureFromItsSourceAndShowsAFirstYearAsSuch() {
        Map<String, Row> pack = new java.util.HashMap<>();
        lake.read("gold.executive_conversation_pack").collectAsList()
                .forEach(row -> pack.put(row.getAs("academic_year") + " " + row.getAs("school_urn"), row));
        Row beta = pack.get("2024/25 100002");
        Row alpha = pack.get("2024/25 100001");
        long alphaReported = lake.read("gold.priority_progress")
                .filter("academic_year = '2024/25' AND school_urn = 100001 AND NOT is_suppressed AND mean_change IS NOT NULL")
                .count();
        Row alphaBench = lake.read("gold.succession_bench")
                .filter("academic_year = '2024/25' AND school_urn = 100001 AND critical_role = 'all'").first();

        assertThat(pack).hasSize(3);
        assertThat(beta.<Boolean>getAs("is_first_year")).isTrue();
        assertThat(beta.<Integer>getAs("count_priorities")).isEqualTo(2);
        assertThat(beta.<Integer>getAs("count_priorities_reported")).isZero();
        assertThat(beta.<Object>getAs("priority_summary")).isNull();
        assertThat(alpha.<Boolean>getAs("is_first_year")).isFalse();
        assertThat(alpha.<Integer>getAs("count_priorities_reported")).isEqualTo((int) alphaReported);
        assertThat(alpha.<String>getAs("priority_summary")).startsWith("S1 ").contains("; C1 ");
        assertThat(alpha.<Integer>getAs("count_roles_covered")).isEqualTo(alphaBench.<Integer>getAs("count_roles_covered"));
        assertThat(alpha.<String>getAs("roles_at_risk")).isEqualTo("head_of_school|headteacher");
        assertThat(alpha.<String>getAs("suppression_reason")).contains("succession_bench:fewer_than_min_group_size");
    }

    @Test
    void anOverEstimatorHasAGapAboveTheMargin() {
        Row profile = profile("A02", 100001, "SIT23A02", "S2");

        assertThat(profile.<Double>getAs("others_score")).isCloseTo(11.0 / 3, within(1e-9));
        assertThat(profile.<Double>getAs("gap")).isCloseTo(5 - 11.0 / 3, within(1e-9));
        assertThat(profile.<String>getAs("agreement_category")).isEqualTo("over_estimator");
    }

    @Test
    void aLeaderWhoMovedSchoolIsComparedWithTheirSittingAtTheOldSchool() {
        Row profile = profile("A03", 100002, "SIT24B05", "S1");

        assertThat(profile.<Integer>getAs("school_urn")).isEqualTo(100002);
        assertThat(profile.<String>getAs("previous_sitting_key")).isEqualTo(sittingKey(100001, "SIT23A03"));
        assertThat(profile.<Double>getAs("others_change")).isCloseTo(-1.0, within(1e-9));
        assertThat(profile.<Boolean>getAs("is_reliable_change")).isTrue();
    }

    @Test
    void aSittingWithTooFewRatersShowsNoOthersScore() {
        Row profile = profile("A01", 100001, "SIT24A01", "S2");

        assertThat(profile.<Integer>getAs("count_raters")).isEqualTo(2);
        assertThat(profile.<Object>getAs("others_score")).isNull();
        assertThat(profile.<Object>getAs("others_change")).isNull();
        assertThat(profile.<String>getAs("suppression_reason")).isEqualTo("fewer_than_min_raters");
    }

    @Test
    void aSuppressedSchoolCannotBeRecoveredFromTheTrustFigures() {
        lake.registerTables(List.of("gold"));

        List<Row> attempts = lake.spark().sql("""
                SELECT s.academic_year, s.behaviour_code,
                       count(CASE WHEN s.is_suppressed THEN 1 END) AS hidden_schools,
                       t.count_leaders - sum(coalesce(s.count_leaders, 0)) AS hidden_leaders
                FROM gold.school_behaviour_summary s
                JOIN gold.trust_behaviour_trends t
                  ON t.academic_year = s.academic_year AND t.behaviour_code = s.behaviour_code
                 AND t.role_level = 'all'
                GROUP BY s.academic_year, s.behaviour_code, t.count_leaders
                HAVING count(CASE WHEN s.is_suppressed THEN 1 END) > 0""").collectAsList();
        long levelsHiddenAlone = lake.spark().sql("""
                SELECT academic_year FROM gold.trust_behaviour_trends
                WHERE role_level <> 'all' AND is_suppressed
                GROUP BY academic_year, domain_code, behaviour_code HAVING count(*) = 1""").count();

        assertThat(attempts).isNotEmpty();
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.getLong(2))
                .as("schools hidden together in %s %s", attempt.getString(0), attempt.getString(1))
                .isGreaterThanOrEqualTo(2));
        assertThat(levelsHiddenAlone).isZero();
    }

    private String leaderKey(String staffId) {
        return readableKeys().entrySet().stream()
                .filter(entry -> entry.getValue().equals(staffId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private Row profile(String staffId, int schoolUrn, String sittingId, String behaviour) {
        String leaderKey = leaderKey(staffId);
        return lake.read("gold.leader_behaviour_profile")
                .filter(col("leader_key").equalTo(leaderKey)
                        .and(col("sitting_key").equalTo(sittingKey(schoolUrn, sittingId)))
                        .and(col("behaviour_code").equalTo(behaviour)))
                .first();
    }

    private static String sittingKey(int schoolUrn, String sittingId) {
        return KEYS.key("D", schoolUrn + ":" + sittingId);
    }

    /** Person and sitting keys with the staff ids and sitting ids expected.py prints for them. */
    private Map<String, String> readableKeys() {
        Map<String, String> names = new HashMap<>();
        lake.spark().sql("SELECT leader_key, min_by(staff_id, valid_from) FROM delta.`" + lake.path("silver.leader")
                        + "` GROUP BY leader_key")
                .collectAsList()
                .forEach(row -> names.put(row.getString(0), row.getString(1)));
        lake.spark().read().parquet(lake.path("bronze.diagnostics_sittings"))
                .select("school_urn", "sitting_id")
                .collectAsList()
                .forEach(row -> names.put(sittingKey(((Number) row.get(0)).intValue(), row.getString(1)),
                        row.getString(1)));
        return names;
    }

    /** Every cell that differs between the expected rows and the table, matched on its key. */
    private List<String> differences(String table, List<Map<String, String>> expectedRows, Map<String, String> names) {
        List<String> key = TestLake.CONTRACTS.get(table).primaryKey();
        Map<String, Map<String, Object>> actual = new HashMap<>();
        for (Row row : lake.read(table).collectAsList()) {
            Map<String, Object> cells = new HashMap<>();
            for (String column : row.schema().fieldNames()) {
                Object value = row.getAs(column);
                cells.put(column, value instanceof String text && names.containsKey(text) ? names.get(text) : value);
            }
            actual.put(key.stream().map(column -> String.valueOf(cells.get(column))).toList().toString(), cells);
        }

        List<String> differences = new ArrayList<>();
        for (Map<String, String> expected : expectedRows) {
            String rowKey = key.stream().map(expected::get).toList().toString();
            Map<String, Object> cells = actual.remove(rowKey);
            if (cells == null) {
                differences.add(table + " " + rowKey + ": missing");
                continue;
            }
            expected.forEach((column, value) -> {
                if (!ExpectedGold.matches(value, cells.get(column))) {
                    differences.add(table + " " + rowKey + " " + column + ": expected " + value + ", was "
                            + cells.get(column));
                }
            });
        }
        actual.keySet().forEach(rowKey -> differences.add(table + " " + rowKey + ": not expected"));
        return differences;
    }

    private List<TableWrite> transform() {
        return new Transform(lake, TrustConfig.load(config), KEYS, AS_OF).run(null).writes();
    }
}
