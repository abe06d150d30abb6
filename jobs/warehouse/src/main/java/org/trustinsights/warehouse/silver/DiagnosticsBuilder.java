package org.trustinsights.warehouse.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.config.Framework;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.LandingLoads;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;

/**
 * Diagnostic sittings and their item-level responses from new landing loads. A sitting is
 * matched to its leader on the school's staff id, then the teacher reference number, then the
 * e-mail address; a rater becomes a pseudonymous key; each response takes its item's behaviour
 * from the framework. Rows are merged by key, a later version replacing an earlier one. A
 * response is kept even while its sitting's leader is unknown, so it links up once the sitting
 * is matched.
 */
public final class DiagnosticsBuilder {

    static final String SITTINGS = "silver.diagnostic_sittings";
    static final String RESPONSES = "silver.diagnostic_responses";

    private static final Logger log = LoggerFactory.getLogger(DiagnosticsBuilder.class);

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final LandingLoads loads;
    private final TrustConfig trust;

    public DiagnosticsBuilder(Lakehouse lake, DeltaWriter writer, LandingLoads loads, TrustConfig trust) {
        this.lake = lake;
        this.writer = writer;
        this.loads = loads;
        this.trust = trust;
    }

    public List<TableWrite> build() {
        return List.of(sittings(), responses());
    }

    private TableWrite sittings() {
        LandingLoads.NewLoads landed = loads.newLoads("bronze.diagnostics_sittings", SITTINGS);
        if (landed.isEmpty() && lake.exists(SITTINGS)) {
            return writer.unchangedWrite(SITTINGS);
        }
        Dataset<Row> sittings = SilverFrames.newest(landed.rows(), "school_urn", "sitting_id").cache();
        Dataset<Row> matched = withLeaderKeys(sittings);
        SilverFrames.noteUnmatched(matched.filter(col("leader_key").isNull()), SITTINGS, landed);
        Dataset<Row> rows = matched.filter(col("leader_key").isNotNull())
                .withColumn("sitting_key", expr("pseudonym('D', concat(school_urn, ':', sitting_id))"))
                .withColumn("academic_year", SilverFrames.academicYear("sitting_date"))
                .select("sitting_key", "leader_key", "school_urn", "sitting_date", "academic_year", "form_code",
                        "status", "load_id", "updated_at");
        TableWrite write = writer.mergeNewer(SITTINGS, rows);
        loads.markApplied(landed, SITTINGS);
        sittings.unpersist();
        return write;
    }

    private TableWrite responses() {
        LandingLoads.NewLoads landed = loads.newLoads("bronze.diagnostics_responses", RESPONSES);
        if (landed.isEmpty() && lake.exists(RESPONSES)) {
            return writer.unchangedWrite(RESPONSES);
        }
        Dataset<Row> responses = SilverFrames.newest(landed.rows(), "school_urn", "sitting_id", "rater_id", "item_id")
                .join(broadcast(items()), "item_id")
                .withColumn("sitting_key", expr("pseudonym('D', concat(school_urn, ':', sitting_id))"))
                .withColumn("rater_key", expr("pseudonym('R', rater_id)"))
                .withColumn("is_deleted", coalesce(col("deleted"), lit(false)))
                .select("sitting_key", "rater_key", "rater_role", "item_id", "behaviour_code", "score",
                        "answered_at", "is_deleted", "load_id", "updated_at");
        TableWrite write = writer.mergeNewer(RESPONSES, responses);
        loads.markApplied(landed, RESPONSES);
        return write;
    }

    /** Adds each sitting's leader_key: by school and staff id, else teacher reference number, else e-mail. */
    private Dataset<Row> withLeaderKeys(Dataset<Row> sittings) {
        Dataset<Row> pairs = lake.read("silver.leader_match")
                .select(col("school_urn").as("pair_school_urn"), col("staff_id").as("pair_staff_id"),
                        col("leader_key").as("pair_leader_key"));
        Dataset<Row> identities = lake.read("restricted.leader_identity");
        Dataset<Row> byTrn = identities.filter(col("trn").isNotNull())
                .select(col("trn").as("known_trn"), col("leader_key").as("trn_leader_key"))
                .dropDuplicates("known_trn");
        Dataset<Row> byEmail = identities.filter(col("email").isNotNull())
                .select(lower(col("email")).as("known_email"), col("leader_key").as("email_leader_key"))
                .dropDuplicates("known_email");
        return sittings
                .join(pairs, col("school_urn").equalTo(col("pair_school_urn"))
                        .and(col("staff_id").equalTo(col("pair_staff_id"))), "left")
                .join(byTrn, col("trn").equalTo(col("known_trn")), "left")
                .join(byEmail, lower(col("email")).equalTo(col("known_email")), "left")
                .withColumn("leader_key", coalesce(col("pair_leader_key"), col("trn_leader_key"),
                        col("email_leader_key")));
    }

    private Dataset<Row> items() {
        List<Row> rows = new ArrayList<>();
        for (Framework.Behaviour behaviour : (Iterable<Framework.Behaviour>) trust.framework().behaviours()::iterator) {
            behaviour.items().forEach(item -> rows.add(RowFactory.create(item.id(), behaviour.code())));
        }
        return lake.spark().createDataFrame(rows, new StructType()
                .add("item_id", DataTypes.StringType, false)
                .add("behaviour_code", DataTypes.StringType, false));
    }
}
