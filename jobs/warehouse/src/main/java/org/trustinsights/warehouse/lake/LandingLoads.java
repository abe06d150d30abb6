package org.trustinsights.warehouse.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.trustinsights.InsightsException;
import org.trustinsights.contract.TableContract;

/**
 * Committed landing loads and what silver has taken of them. A load is committed once its
 * manifest is in {@code bronze.load_manifests}; {@code ops.applied_loads} records which silver
 * table merged it, so each nightly run reads the new loads only, and the loads whose records
 * named a leader not yet known, which are read again until every record has found its leader.
 */
public final class LandingLoads {

    /**
     * Loads to read and then to mark as applied, with their rows; a builder notes in
     * {@code unmatched} how many rows of each load it had to leave out for an unknown leader.
     */
    public record NewLoads(List<Row> loads, Dataset<Row> rows, Map<String, Long> unmatched) {

        public boolean isEmpty() {
            return loads.isEmpty();
        }
    }

    public static final String APPLIED = "ops.applied_loads";
    static final String SET_ASIDE = "ops.set_aside_loads";

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private Dataset<Row> manifests;

    public LandingLoads(Lakehouse lake, DeltaWriter writer) {
        this.lake = lake;
        this.writer = writer;
    }

    /** The rows of committed loads of one landing table that {@code target} has not merged yet. */
    public NewLoads newLoads(String landingTable, String target) {
        Dataset<Row> manifests = completed(landingTable);
        if (lake.exists(APPLIED)) {
            Dataset<Row> applied = lake.read(APPLIED).filter(col("table_name").equalTo(target))
                    .select(col("load_id").as("applied_load_id"), col("count_unmatched").as("previous_unmatched"));
            manifests = manifests.join(applied, col("load_id").equalTo(col("applied_load_id")), "left")
                    .filter(col("previous_unmatched").isNull().or(col("previous_unmatched").gt(0)))
                    .drop("applied_load_id");
        } else {
            manifests = manifests.withColumn("previous_unmatched", lit(null).cast("long"));
        }
        return read(landingTable, manifests);
    }

    /**
     * The rows of committed loads of one landing table that no silver table has merged yet: what
     * the quality gate checks before silver takes them in.
     */
    public NewLoads unchecked(String landingTable) {
        Dataset<Row> manifests = completed(landingTable);
        if (lake.exists(APPLIED)) {
            manifests = manifests.join(lake.read(APPLIED).select("load_id").distinct(), new String[] {"load_id"},
                    "left_anti");
        }
        return read(landingTable, manifests.withColumn("previous_unmatched", lit(null).cast("long")));
    }

    /** The committed loads of one landing table, less those a data team has set aside. */
    private Dataset<Row> completed(String landingTable) {
        TableContract landing = lake.contracts().get(landingTable);
        Dataset<Row> completed = manifests()
                .filter(col("system").equalTo(landing.source().system()))
                .filter(col("entity").equalTo(landing.source().entity()))
                .filter(col("status").equalTo("completed"))
                .select("load_id", "school_urn", "load_date", "count_written");
        if (lake.exists(SET_ASIDE)) {
            completed = completed.join(lake.read(SET_ASIDE).select("load_id"), new String[] {"load_id"}, "left_anti");
        }
        return completed;
    }

    /**
     * Sets a committed load aside, so that no silver table checks or merges it; its Parquet
     * stays in bronze. Fails, naming the fix, for a load the manifests do not hold.
     */
    public void setAside(String loadId, String reason) {
        List<Row> found = manifests().filter(col("load_id").equalTo(loadId)).select("school_urn").collectAsList();
        if (found.isEmpty()) {
            throw new InsightsException(InsightsException.Category.QUALITY, "Cannot set aside load " + loadId
                    + ": no such load in bronze.load_manifests; fix: copy the load_id from bin/insights check");
        }
        Row row = RowFactory.create(loadId, found.get(0).getInt(0), reason, Timestamp.from(Instant.now()));
        writer.upsert(SET_ASIDE, lake.spark().createDataFrame(List.of(row),
                SparkSchemas.of(lake.contracts().get(SET_ASIDE))));
    }

    private NewLoads read(String landingTable, Dataset<Row> manifests) {
        TableContract landing = lake.contracts().get(landingTable);
        List<Row> loads = manifests.orderBy("load_id").collectAsList();
        if (loads.isEmpty()) {
            return new NewLoads(loads, lake.spark().createDataFrame(List.of(), SparkSchemas.of(landing)),
                    new HashMap<>());
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
        return new NewLoads(loads, rows.select(SparkSchemas.columns(landing)), new HashMap<>());
    }

    /**
     * Records that {@code target} has merged these loads, with the rows of each it left out for an
     * unknown leader. A load read again whose count has not moved is not written again.
     */
    public void markApplied(NewLoads loads, String target) {
        List<Row> rows = new ArrayList<>();
        boolean readAgain = false;
        Timestamp now = Timestamp.from(Instant.now());
        for (Row load : loads.loads()) {
            String loadId = load.getAs("load_id");
            long unmatched = loads.unmatched().getOrDefault(loadId, 0L);
            Long previous = load.getAs("previous_unmatched");
            if (previous != null && previous == unmatched) {
                continue;
            }
            readAgain |= previous != null;
            rows.add(RowFactory.create(loadId, target, load.<Integer>getAs("school_urn"),
                    ((Number) load.getAs("count_written")).longValue(), unmatched, now));
        }
        if (rows.isEmpty()) {
            return;
        }
        Dataset<Row> applied = lake.spark().createDataFrame(rows, SparkSchemas.of(lake.contracts().get(APPLIED)));
        if (readAgain) {
            writer.upsert(APPLIED, applied);
        } else {
            writer.append(APPLIED, applied);
        }
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
