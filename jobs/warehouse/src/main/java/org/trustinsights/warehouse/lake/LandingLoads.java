package org.trustinsights.warehouse.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.trustinsights.contract.TableContract;

/**
 * Committed landing loads and what silver has taken of them. A load is committed once its
 * manifest is in {@code bronze.load_manifests}; {@code ops.applied_loads} records which silver
 * table merged it, so each nightly run reads the new loads only.
 */
public final class LandingLoads {

    /** Load ids with their school, to read and then to mark as applied. */
    public record NewLoads(List<Row> loads, StructType loadSchema, Dataset<Row> rows) {

        public boolean isEmpty() {
            return loads.isEmpty();
        }
    }

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private Dataset<Row> manifests;

    public LandingLoads(Lakehouse lake, DeltaWriter writer) {
        this.lake = lake;
        this.writer = writer;
    }

    /** The rows of committed loads of one landing table that {@code target} has not merged yet. */
    public NewLoads newLoads(String landingTable, String target) {
        TableContract landing = lake.contracts().get(landingTable);
        Dataset<Row> manifests = manifests()
                .filter(col("system").equalTo(landing.source().system()))
                .filter(col("entity").equalTo(landing.source().entity()))
                .filter(col("status").equalTo("completed"))
                .select("load_id", "school_urn", "load_date", "count_written");
        if (lake.exists("ops.applied_loads")) {
            Dataset<Row> applied = lake.read("ops.applied_loads").filter(col("table_name").equalTo(target));
            manifests = manifests.join(applied, manifests.col("load_id").equalTo(applied.col("load_id")), "left_anti");
        }
        List<Row> loads = manifests.orderBy("load_id").collectAsList();
        StructType loadSchema = manifests.schema();
        if (loads.isEmpty()) {
            return new NewLoads(loads, loadSchema, lake.spark().createDataFrame(List.of(), SparkSchemas.of(landing)));
        }
        String[] paths = loads.stream()
                .map(load -> lake.path(landing) + "/school_urn=" + load.getInt(1) + "/load_date=" + load.getDate(2)
                        + "/part-" + load.getString(0) + "-*.parquet")
                .filter(lake::matchesFiles)
                .toArray(String[]::new);
        Dataset<Row> rows = paths.length == 0
                ? lake.spark().createDataFrame(List.of(), SparkSchemas.of(landing))
                : lake.spark().read()
                        .schema(SparkSchemas.of(landing))
                        .option("basePath", lake.path(landing))
                        .parquet(paths);
        return new NewLoads(loads, loadSchema, rows.select(SparkSchemas.columns(landing)));
    }

    /** Records that {@code target} has merged these loads. */
    public void markApplied(NewLoads loads, String target) {
        if (loads.isEmpty()) {
            return;
        }
        Dataset<Row> applied = lake.spark().createDataFrame(loads.loads(), loads.loadSchema())
                .select(col("load_id"), lit(target).as("table_name"), col("school_urn"),
                        col("count_written").cast("long").as("count_rows"), current_timestamp().as("applied_at"));
        writer.append("ops.applied_loads", applied);
    }

    /**
     * The landing manifests, read once per run: the extract does not write while a transform runs.
     * They are few (one row per load), so they are held on the driver rather than in Spark's cache,
     * which would hand a later run in the same session the rows of this one.
     */
    private Dataset<Row> manifests() {
        if (manifests == null) {
            Dataset<Row> read = readManifests();
            manifests = lake.spark().createDataFrame(read.collectAsList(), read.schema());
        }
        return manifests;
    }

    private Dataset<Row> readManifests() {
        TableContract manifests = lake.contracts().get("bronze.load_manifests");
        String path = lake.path(manifests);
        if (!lake.matchesFiles(path)) {
            return lake.spark().createDataFrame(List.of(), SparkSchemas.of(manifests));
        }
        return lake.spark().read().schema(SparkSchemas.of(manifests)).option("basePath", path).parquet(path);
    }
}
