package org.trustinsights.warehouse.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.List;

import io.delta.tables.DeltaTable;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.LandingLoads;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;

/**
 * 90-day development cycles from new landing loads: {@code silver.cycle_checkins} (dates only;
 * the free-text note stays in bronze), {@code silver.development_cycles} with each cycle's
 * leader and its count of check-ins, and {@code silver.cycle_focus}, one row per focus
 * behaviour in the order the leader chose them.
 */
public final class CycleBuilder {

    static final String CYCLES = "silver.development_cycles";
    static final String FOCUS = "silver.cycle_focus";
    static final String CHECKINS = "silver.cycle_checkins";

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final LandingLoads loads;

    public CycleBuilder(Lakehouse lake, DeltaWriter writer, LandingLoads loads) {
        this.lake = lake;
        this.writer = writer;
        this.loads = loads;
    }

    public List<TableWrite> build() {
        LandingLoads.NewLoads checkinLoads = loads.newLoads("bronze.diagnostics_checkins", CHECKINS);
        LandingLoads.NewLoads cycleLoads = loads.newLoads("bronze.diagnostics_cycles", CYCLES);
        if (checkinLoads.isEmpty() && cycleLoads.isEmpty() && lake.exists(CYCLES)) {
            return List.of(writer.unchangedWrite(CHECKINS), writer.unchangedWrite(CYCLES),
                    writer.unchangedWrite(FOCUS));
        }

        TableWrite checkins = writer.mergeNewer(CHECKINS, checkins(checkinLoads.rows()));
        Dataset<Row> cycles = cycles(cycleLoads).cache();
        TableWrite cycleWrite = writer.mergeNewer(CYCLES, cycles.drop("focus_behaviours"));
        refreshCheckinCounts(checkinLoads.rows());
        TableWrite focus = writer.replaceGroups(FOCUS, SilverFrames.explodeCodes(
                SilverFrames.versionsKept(lake, CYCLES, cycles, "cycle_key").select("cycle_key", "focus_behaviours"),
                "cycle_key", "focus_behaviours", "behaviour_code", "focus_order"), "cycle_key");
        loads.markApplied(checkinLoads, CHECKINS);
        loads.markApplied(cycleLoads, CYCLES);
        cycles.unpersist();
        return List.of(checkins, cycleWrite, focus);
    }

    private Dataset<Row> checkins(Dataset<Row> landed) {
        return SilverFrames.newest(landed, "school_urn", "checkin_id")
                .withColumn("checkin_key", expr("pseudonym('K', concat(school_urn, ':', checkin_id))"))
                .withColumn("cycle_key", expr("pseudonym('C', concat(school_urn, ':', cycle_id))"))
                .select("checkin_key", "cycle_key", "checkin_date", "load_id", "updated_at");
    }

    /** New cycle versions with their leader and check-ins so far; keeps the focus list for the focus table. */
    private Dataset<Row> cycles(LandingLoads.NewLoads landed) {
        Dataset<Row> newest = SilverFrames.newest(landed.rows(), "school_urn", "cycle_id")
                .withColumn("cycle_key", expr("pseudonym('C', concat(school_urn, ':', cycle_id))"));
        Dataset<Row> matched = SilverFrames.withKnownLeaders(
                SilverFrames.withLeaderKey(lake, newest, "school_urn", "staff_id", "leader_key"), CYCLES, landed,
                "leader_key");
        return matched.join(checkinCounts(), new String[] {"cycle_key"}, "left")
                .withColumn("count_checkins", expr("coalesce(counted_checkins, 0)").cast("int"))
                .withColumn("academic_year", SilverFrames.academicYear("start_date"))
                .withColumn("is_deleted", coalesce(col("deleted"), lit(false)))
                .select("cycle_key", "leader_key", "school_urn", "start_date", "due_date", "completed_date", "status",
                        "academic_year", "count_checkins", "is_deleted", "load_id", "updated_at", "focus_behaviours");
    }

    private Dataset<Row> checkinCounts() {
        return lake.read(CHECKINS).groupBy("cycle_key").agg(count("*").as("counted_checkins"));
    }

    /** Check-ins that arrived for cycles landed earlier move those cycles' counts. */
    private void refreshCheckinCounts(Dataset<Row> newCheckins) {
        Dataset<Row> touched = newCheckins
                .select(expr("pseudonym('C', concat(school_urn, ':', cycle_id)) AS cycle_key"))
                .distinct()
                .join(checkinCounts(), "cycle_key");
        DeltaTable.forPath(lake.spark(), lake.path(CYCLES)).as("target")
                .merge(touched.as("source"), "target.cycle_key = source.cycle_key")
                .whenMatched("target.count_checkins <> source.counted_checkins")
                .updateExpr(java.util.Map.of("count_checkins", "cast(source.counted_checkins AS int)"))
                .execute();
    }
}
