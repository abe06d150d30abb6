package org.trustinsights.warehouse.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.LandingLoads;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;

/**
 * Mentoring relationships from new landing loads, with mentor and mentee as person keys: the
 * mentee at the school that sent the record, the mentor at the school it names.
 */
public final class MentoringBuilder {

    static final String RELATIONSHIPS = "silver.mentoring_relationships";

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final LandingLoads loads;

    public MentoringBuilder(Lakehouse lake, DeltaWriter writer, LandingLoads loads) {
        this.lake = lake;
        this.writer = writer;
        this.loads = loads;
    }

    public TableWrite build() {
        LandingLoads.NewLoads landed = loads.newLoads("bronze.mentoring_relationships", RELATIONSHIPS);
        if (landed.isEmpty() && lake.exists(RELATIONSHIPS)) {
            return writer.unchangedWrite(RELATIONSHIPS);
        }
        Dataset<Row> newest = SilverFrames.newest(landed.rows(), "school_urn", "relationship_id")
                .withColumn("relationship_key", expr("pseudonym('M', concat(school_urn, ':', relationship_id))"));
        Dataset<Row> withPeople = SilverFrames.withLeaderKey(lake,
                SilverFrames.withLeaderKey(lake, newest, "school_urn", "mentee_staff_id", "mentee_leader_key"),
                "mentor_school_urn", "mentor_staff_id", "mentor_leader_key");
        Dataset<Row> rows = SilverFrames.withKnownLeaders(withPeople, RELATIONSHIPS, landed, "mentee_leader_key",
                        "mentor_leader_key")
                .withColumn("mentee_school_urn", col("school_urn"))
                .select("relationship_key", "mentor_leader_key", "mentee_leader_key", "mentor_school_urn",
                        "mentee_school_urn", "behaviour_code", "start_date", "end_date", "status", "load_id",
                        "updated_at");
        TableWrite write = writer.mergeNewer(RELATIONSHIPS, rows);
        loads.markApplied(landed, RELATIONSHIPS);
        return write;
    }
}
