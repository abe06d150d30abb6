package org.trustinsights.warehouse.silver;

import static org.apache.spark.sql.functions.expr;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.LandingLoads;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;

/**
 * CPD from new landing loads: {@code silver.cpd_events}, the behaviours each event serves in
 * {@code silver.cpd_event_behaviours}, and who was booked on it in {@code silver.cpd_attendance},
 * by person key.
 */
public final class CpdBuilder {

    static final String EVENTS = "silver.cpd_events";
    static final String EVENT_BEHAVIOURS = "silver.cpd_event_behaviours";
    static final String ATTENDANCE = "silver.cpd_attendance";

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final LandingLoads loads;

    public CpdBuilder(Lakehouse lake, DeltaWriter writer, LandingLoads loads) {
        this.lake = lake;
        this.writer = writer;
        this.loads = loads;
    }

    public List<TableWrite> build() {
        LandingLoads.NewLoads eventLoads = loads.newLoads("bronze.cpd_events", EVENTS);
        LandingLoads.NewLoads attendanceLoads = loads.newLoads("bronze.cpd_attendance", ATTENDANCE);
        if (eventLoads.isEmpty() && attendanceLoads.isEmpty() && lake.exists(EVENTS)) {
            return List.of(writer.unchangedWrite(EVENTS), writer.unchangedWrite(EVENT_BEHAVIOURS),
                    writer.unchangedWrite(ATTENDANCE));
        }

        Dataset<Row> events = SilverFrames.newest(eventLoads.rows(), "school_urn", "event_id")
                .withColumn("event_key", expr("pseudonym('E', concat(school_urn, ':', event_id))"))
                .withColumn("academic_year", SilverFrames.academicYear("event_date"))
                .cache();
        TableWrite eventWrite = writer.mergeNewer(EVENTS, events.select("event_key", "school_urn", "title",
                "event_date", "academic_year", "provider", "hours", "load_id", "updated_at"));
        TableWrite behaviours = writer.replaceGroups(EVENT_BEHAVIOURS, SilverFrames.explodeCodes(
                SilverFrames.versionsKept(lake, EVENTS, events, "event_key").select("event_key", "behaviour_codes"),
                "event_key", "behaviour_codes", "behaviour_code", "behaviour_order").drop("behaviour_order"),
                "event_key");
        TableWrite attendance = writer.mergeNewer(ATTENDANCE, attendance(attendanceLoads));
        loads.markApplied(eventLoads, EVENTS);
        loads.markApplied(attendanceLoads, ATTENDANCE);
        events.unpersist();
        return List.of(eventWrite, behaviours, attendance);
    }

    private Dataset<Row> attendance(LandingLoads.NewLoads landed) {
        Dataset<Row> newest = SilverFrames.newest(landed.rows(), "school_urn", "event_id", "staff_id")
                .withColumn("event_key", expr("pseudonym('E', concat(school_urn, ':', event_id))"));
        return SilverFrames.withKnownLeaders(
                        SilverFrames.withLeaderKey(lake, newest, "school_urn", "staff_id", "leader_key"), ATTENDANCE,
                        landed, "leader_key")
                .select("event_key", "leader_key", "attended", "load_id", "updated_at");
    }
}
