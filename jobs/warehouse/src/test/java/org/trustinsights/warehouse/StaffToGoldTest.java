package org.trustinsights.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The tiny trust's staff drops, from CSV to gold: the real extract job lands them, the
 * transform builds silver and gold, and every figure is checked against
 * jobs/testdata/tiny-trust/README.md, where it is worked out by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffToGoldTest {

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

    private List<TableWrite> transform() {
        return new Transform(lake, TrustConfig.load(config), KEYS, AS_OF).run(null);
    }
}
