package org.trustinsights.warehouse.lake;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustinsights.InsightsException;
import org.trustinsights.warehouse.TestLakeAccess;

/** A table is only written in the shape its contract gives it. */
class ContractConformanceTest {

    @TempDir
    Path lakeRoot;

    @Test
    void aColumnMissingFromTheContractStopsTheWrite() {
        Lakehouse lake = TestLakeAccess.lakehouseAt(lakeRoot);
        Dataset<Row> schools = schools(lake).withColumn("head_count", lit(12));

        assertThatThrownBy(() -> new DeltaWriter(lake).upsert("silver.school", schools))
                .isInstanceOf(InsightsException.class)
                .hasMessage("Cannot write silver.school: silver.school has column 'head_count' that its contract "
                        + "lacks; fix: add it to schemas/silver/school.yaml");
        assertThat(lake.exists("silver.school")).isFalse();
    }

    @Test
    void aContractColumnTheFrameLacksStopsTheWrite() {
        Lakehouse lake = TestLakeAccess.lakehouseAt(lakeRoot);
        Dataset<Row> schools = schools(lake).drop("region");

        assertThatThrownBy(() -> new DeltaWriter(lake).upsert("silver.school", schools))
                .hasMessage("Cannot write silver.school: silver.school lacks column 'region' that its contract "
                        + "lists; fix: produce it or remove it from schemas/silver/school.yaml");
    }

    @Test
    void aConformingFrameIsWrittenInContractOrder() {
        Lakehouse lake = TestLakeAccess.lakehouseAt(lakeRoot);
        Dataset<Row> reordered = schools(lake).select("region", "school_urn", "school_name", "phase", "joined_on",
                "left_on");

        TableWrite write = new DeltaWriter(lake).upsert("silver.school", reordered);

        assertThat(write.rowsWritten()).isEqualTo(1);
        assertThat(lake.read("silver.school").columns())
                .containsExactly("school_urn", "school_name", "phase", "region", "joined_on", "left_on");
    }

    private static Dataset<Row> schools(Lakehouse lake) {
        return lake.spark().createDataFrame(
                List.of(RowFactory.create(100001, "Alpha Primary", "primary", "North",
                        java.sql.Date.valueOf("2015-09-01"), null)),
                SparkSchemas.of(lake.contracts().get("silver.school")));
    }
}
