package org.trustinsights.warehouse.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.List;
import java.util.stream.Collectors;

import io.delta.tables.DeltaTable;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Delta tables so that a rerun on unchanged input changes nothing: upserts merge only the
 * rows that differ from the table, and rebuilt tables are replaced only when their inputs moved.
 */
public final class DeltaWriter {

    private static final Logger log = LoggerFactory.getLogger(DeltaWriter.class);

    private final Lakehouse lake;

    public DeltaWriter(Lakehouse lake) {
        this.lake = lake;
    }

    /** Merges rows by the table's primary key; rows equal to what the table holds are left alone. */
    public TableWrite upsert(String table, Dataset<Row> rows) {
        long started = System.nanoTime();
        Dataset<Row> shaped = lake.conform(table, rows);
        String path = lake.path(table);
        if (!lake.exists(table)) {
            shaped.write().format("delta").save(path);
            return result(table, shaped.count(), started);
        }

        Dataset<Row> changes = shaped.except(lake.read(table)).cache();
        long changed = changes.count();
        if (changed == 0) {
            changes.unpersist();
            return unchanged(table, started);
        }
        List<String> keys = lake.contracts().get(table).primaryKey();
        String condition = keys.stream()
                .map(key -> "target." + key + " <=> source." + key)
                .collect(Collectors.joining(" AND "));
        DeltaTable.forPath(lake.spark(), path).as("target")
                .merge(changes.as("source"), condition)
                .whenMatched().updateAll()
                .whenNotMatched().insertAll()
                .execute();
        changes.unpersist();
        return result(table, changed, started);
    }

    /**
     * Makes the rows of each group that {@code rows} mention exactly those given, for lists held
     * one row per member (a cycle's focus behaviours): rows are merged by key, and the table's
     * other rows of those groups, which the source no longer lists, are deleted.
     */
    public TableWrite replaceGroups(String table, Dataset<Row> rows, String groupColumn) {
        if (!lake.exists(table)) {
            return upsert(table, rows);
        }
        long started = System.nanoTime();
        Dataset<Row> shaped = lake.conform(table, rows).cache();
        List<String> keys = lake.contracts().get(table).primaryKey();
        Dataset<Row> touched = lake.read(table).join(shaped.select(groupColumn).distinct(), groupColumn).as("touched");
        Column listed = keys.stream()
                .map(key -> col("touched." + key).eqNullSafe(col("listed." + key)))
                .reduce(Column::and)
                .orElseThrow();
        Dataset<Row> stale = touched.join(shaped.as("listed"), listed, "left_anti").cache();
        long removed = stale.count();

        TableWrite merged = upsert(table, shaped);
        if (removed > 0) {
            DeltaTable.forPath(lake.spark(), lake.path(table)).as("target")
                    .merge(stale.as("source"), keys.stream()
                            .map(key -> "target." + key + " <=> source." + key)
                            .collect(Collectors.joining(" AND ")))
                    .whenMatched().delete()
                    .execute();
            log.info("Deleted {} rows from {} that their source no longer lists", removed, table);
        }
        stale.unpersist();
        shaped.unpersist();
        if (merged.unchanged() && removed == 0) {
            return merged;
        }
        return new TableWrite(table, merged.rowsWritten() + removed, version(table), false, seconds(started));
    }

    /**
     * Appends rows that are new by construction, such as the record of loads a silver table has
     * just merged, which a run only writes for loads the table had not taken.
     */
    public TableWrite append(String table, Dataset<Row> rows) {
        long started = System.nanoTime();
        Dataset<Row> shaped = lake.conform(table, rows);
        long count = shaped.count();
        shaped.write().format("delta").mode("append").save(lake.path(table));
        return result(table, count, started);
    }

    /**
     * Merges rows from new loads by the table's primary key: a row the table lacks is inserted,
     * and one it holds is replaced only by a newer version ({@code updated_at} later).
     */
    public TableWrite mergeNewer(String table, Dataset<Row> rows) {
        long started = System.nanoTime();
        Dataset<Row> shaped = lake.conform(table, rows);
        if (!lake.exists(table)) {
            shaped.write().format("delta").save(lake.path(table));
            return result(table, lake.read(table).count(), started);
        }
        List<String> keys = lake.contracts().get(table).primaryKey();
        String condition = keys.stream()
                .map(key -> "target." + key + " = source." + key)
                .collect(Collectors.joining(" AND "));
        // Only versions the table lacks go to the merge, so a load read again commits nothing
        Dataset<Row> changes = shaped.as("source")
                .join(lake.read(table).as("target"), expr(condition
                        + " AND target.updated_at >= source.updated_at"), "left_anti")
                .cache();
        long changed = changes.count();
        if (changed == 0) {
            changes.unpersist();
            return unchanged(table, started);
        }
        DeltaTable.forPath(lake.spark(), lake.path(table)).as("target")
                .merge(changes.as("source"), condition)
                .whenMatched("source.updated_at > target.updated_at").updateAll()
                .whenNotMatched().insertAll()
                .execute();
        changes.unpersist();
        return result(table, lastOperationRows(table), started);
    }

    /**
     * Replaces a derived table whole, unless it was last built from the same inputs: the
     * inputs' description (their tables and versions, and the settings used) is kept with
     * each commit and compared on the next run.
     */
    public TableWrite replace(String table, Dataset<Row> rows, String inputs) {
        long started = System.nanoTime();
        if (isCurrent(table, inputs)) {
            return unchanged(table, started);
        }
        Dataset<Row> shaped = lake.conform(table, rows).cache();
        shaped.write().format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .option("userMetadata", inputs)
                .save(lake.path(table));
        long count = shaped.count();
        shaped.unpersist();
        return result(table, count, started);
    }

    /** Whether the table exists and was last written from the inputs so described. */
    public boolean isCurrent(String table, String inputs) {
        return lake.exists(table) && inputs.equals(lastInputs(table));
    }

    /** The result for a table this run had no reason to touch. */
    public TableWrite unchangedWrite(String table) {
        return new TableWrite(table, 0, version(table), true, 0);
    }

    /** The table's latest version. */
    public long version(String table) {
        return lake.version(table);
    }

    /** Rows the table's last commit inserted or updated, from its operation metrics. */
    private long lastOperationRows(String table) {
        Row last = DeltaTable.forPath(lake.spark(), lake.path(table)).history(1).select("operationMetrics").first();
        scala.collection.Map<String, String> metrics = last.getMap(0);
        long inserted = Long.parseLong(metrics.getOrElse("numTargetRowsInserted", () -> "0"));
        long updated = Long.parseLong(metrics.getOrElse("numTargetRowsUpdated", () -> "0"));
        return inserted + updated;
    }

    private String lastInputs(String table) {
        Row last = DeltaTable.forPath(lake.spark(), lake.path(table)).history(1).select("userMetadata").first();
        return last.isNullAt(0) ? "" : last.getString(0);
    }

    private TableWrite result(String table, long rows, long started) {
        TableWrite write = new TableWrite(table, rows, version(table), false, seconds(started));
        log.info("Wrote {} rows to {}, version {}", rows, table, write.version());
        return write;
    }

    private TableWrite unchanged(String table, long started) {
        TableWrite write = new TableWrite(table, 0, version(table), true, seconds(started));
        log.info("{} unchanged at version {}", table, write.version());
        return write;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
