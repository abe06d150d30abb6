package org.trustinsights.warehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.trustinsights.warehouse.TestLakeAccess;

/**
 * gold.cpd_clusters over CPD targets made by hand. The tiny trust has no need shown in two schools
 * at once, so the clusters are worked out here from rows whose every figure is visible:
 *
 * <pre>
 * 2024/25 S3 middle leaders: 100001 (North, 6 leaders, 3 in need, shortfall 2.0),
 *   100002 (South, 5, 2, 1.5), 100003 (North, 8, 4, 3.0): one cluster of 19 leaders, 9 in need,
 *   shortfall 6.5.
 * 2024/25 C1 middle leaders: 100002 (5, 3, 4.0) and 100003 (6, 2, 2.5) are targets, 100004 is
 *   not: one cluster of 11 leaders, 5 in need, shortfall 6.5, a tie with S3 that S3 wins by
 *   coming first in the framework.
 * 2024/25 S3 deputy heads: a target at 100001, suppressed at 100002: no cluster.
 * 2023/24 S3 middle leaders: targets at 100001 and 100004: a cluster, ranked within its own year.
 * </pre>
 */
class CpdClustersTest {

    private static final StructType TARGETS = new StructType()
            .add("academic_year", DataTypes.StringType).add("school_urn", DataTypes.IntegerType)
            .add("region", DataTypes.StringType).add("role_level", DataTypes.StringType)
            .add("behaviour_code", DataTypes.StringType).add("behaviour_name", DataTypes.StringType)
            .add("domain_code", DataTypes.StringType).add("is_priority", DataTypes.BooleanType)
            .add("count_leaders", DataTypes.IntegerType).add("count_leaders_in_need", DataTypes.IntegerType)
            .add("total_shortfall", DataTypes.DoubleType).add("is_target", DataTypes.BooleanType);

    @Test
    void schoolsSharingAShownTargetFormOneRankedCluster() {
        SparkSession spark = TestLakeAccess.spark();
        spark.createDataFrame(List.of(
                target("2024/25", 100001, "North", "middle_leader", "S3", false, 6, 3, 2.0, true),
                target("2024/25", 100002, "South", "middle_leader", "S3", false, 5, 2, 1.5, true),
                target("2024/25", 100003, "North", "middle_leader", "S3", false, 8, 4, 3.0, true),
                target("2024/25", 100002, "South", "middle_leader", "C1", true, 5, 3, 4.0, true),
                target("2024/25", 100003, "North", "middle_leader", "C1", true, 6, 2, 2.5, true),
                target("2024/25", 100004, "Coast", "middle_leader", "C1", true, 7, 1, 0.6, false),
                target("2024/25", 100001, "North", "deputy_head", "S3", false, 5, 2, 1.0, true),
                target("2024/25", 100002, "South", "deputy_head", "S3", false, null, null, null, null),
                target("2023/24", 100001, "North", "middle_leader", "S3", false, 5, 2, 1.2, true),
                target("2023/24", 100004, "Coast", "middle_leader", "S3", false, 6, 2, 0.8, true)), TARGETS)
                .createOrReplaceTempView("gold_cpd_targets");
        spark.createDataFrame(List.of(
                        RowFactory.create("S3", 3), RowFactory.create("C1", 10)),
                new StructType().add("behaviour_code", DataTypes.StringType).add("display_order", DataTypes.IntegerType))
                .createOrReplaceTempView("silver_behaviour");

        List<Row> clusters;
        try (GoldSql sql = new GoldSql(spark, Map.of("min_group_size", 5, "cluster_min_schools", 2,
                "role_levels", "array('middle_leader', 'assistant_head', 'deputy_head', 'headteacher')"))) {
            clusters = sql.run("cpd_clusters").orderBy("academic_year", "cluster_rank").collectAsList();
        }

        assertThat(clusters).extracting(row -> row.getAs("cluster_key"), row -> row.getAs("count_schools"),
                        row -> row.getAs("school_urns"), row -> row.getAs("regions"), row -> row.getAs("count_leaders"),
                        row -> row.getAs("count_leaders_in_need"), row -> row.getAs("total_shortfall"),
                        row -> row.getAs("cluster_rank"), row -> row.getAs("is_priority"))
                .containsExactly(
                        tuple("2023/24|S3|middle_leader", 2, "100001|100004", "Coast|North", 11, 4, 2.0, 1, false),
                        tuple("2024/25|S3|middle_leader", 3, "100001|100002|100003", "North|South", 19, 9, 6.5, 1,
                                false),
                        tuple("2024/25|C1|middle_leader", 2, "100002|100003", "North|South", 11, 5, 6.5, 2, true));
        assertThat(clusters.get(1).<Double>getAs("share_leaders_in_need")).isEqualTo(9.0 / 19);
        assertThat(clusters).allSatisfy(row -> assertThat(row.<Boolean>getAs("is_suppressed")).isFalse());
    }

    private static Row target(String year, int urn, String region, String level, String behaviour,
            boolean priority, Integer leaders, Integer inNeed, Double shortfall, Boolean isTarget) {
        return RowFactory.create(year, urn, region, level, behaviour, "Behaviour " + behaviour,
                behaviour.substring(0, 1), priority, leaders, inNeed, shortfall, isTarget);
    }
}
