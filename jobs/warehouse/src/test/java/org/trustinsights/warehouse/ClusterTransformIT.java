package org.trustinsights.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.cluster.SparkSubmit;
import org.trustinsights.warehouse.gold.GoldTables;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.silver.PseudonymKeys;

/**
 * The transform, unchanged, on a Spark standalone cluster: a master and two workers on loopback
 * run the cluster jar through spark-submit over the landed sample trust, and every gold table
 * equals the one the same transform builds in local mode from the same landing.
 */
class ClusterTransformIT {

    static final LocalDate AS_OF = LocalDate.of(2026, 9, 1);
    static final String SECRET = "cluster-test-secret";

    @TempDir
    Path work;

    @Test
    void goldOnTheClusterEqualsGoldInLocalMode() throws Exception {
        Path localConfig = landSample(work.resolve("local"));
        Path clusterConfig = landSample(work.resolve("cluster"));

        new Transform(TestLake.lakehouse(localConfig), TrustConfig.load(localConfig),
                new PseudonymKeys(SECRET.getBytes(StandardCharsets.UTF_8)), AS_OF).run(null);
        String output = SparkSubmit.transformOnCluster(work.resolve("spark"), clusterConfig, AS_OF, SECRET);

        Lakehouse local = TestLake.lakehouse(localConfig);
        Lakehouse cluster = TestLake.lakehouse(clusterConfig);
        List<String> tables = new ArrayList<>(GoldTables.tableNames());
        tables.add("gold.leader_headcount");
        assertThat(output).contains("gold.annual_review");
        for (String table : tables) {
            Dataset<Row> expected = comparable(local.read(table));
            Dataset<Row> actual = comparable(cluster.read(table));

            assertThat(expected.count()).as(table).isPositive();
            assertThat(actual.exceptAll(expected).count()).as(table + " rows only on the cluster").isZero();
            assertThat(expected.exceptAll(actual).count()).as(table + " rows only in local mode").isZero();
        }
    }

    private Path landSample(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path config = TestLake.copyTrust(TestLake.REPOSITORY.resolve("config/sample"), folder);
        TestLake.extract(config, folder, "2026-09-01");
        return config;
    }

    /** Doubles to nine places, since sums over differently partitioned data differ in the last bits. */
    private static Dataset<Row> comparable(Dataset<Row> table) {
        Column[] columns = Arrays.stream(table.schema().fields())
                .map(field -> field.dataType().equals(DataTypes.DoubleType)
                        ? round(col(field.name()), 9).as(field.name())
                        : col(field.name()))
                .toArray(Column[]::new);
        return table.select(columns);
    }
}
