package org.trustinsights.warehouse.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.LandingLoads;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;
import org.trustinsights.warehouse.silver.LeaderMatcher.Decision;
import org.trustinsights.warehouse.silver.LeaderMatcher.StaffIdentity;

/**
 * Builds the leader dimension from new staff loads: matches each staff record to a person
 * ({@code silver.leader_match}), keeps names and e-mail in {@code restricted.leader_identity},
 * and merges each role spell into {@code silver.leader}, changing only spells that are new or
 * whose attributes changed.
 */
public final class LeaderBuilder {

    static final String LANDING = "bronze.mis_staff";
    static final String LEADER = "silver.leader";
    static final String MATCH = "silver.leader_match";
    static final String IDENTITY = "restricted.leader_identity";

    private static final Logger log = LoggerFactory.getLogger(LeaderBuilder.class);

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final LandingLoads loads;
    private final PseudonymKeys keys;

    public LeaderBuilder(Lakehouse lake, DeltaWriter writer, LandingLoads loads, PseudonymKeys keys) {
        this.lake = lake;
        this.writer = writer;
        this.loads = loads;
        this.keys = keys;
    }

    public List<TableWrite> build() {
        LandingLoads.NewLoads staff = loads.newLoads(LANDING, LEADER);
        if (staff.isEmpty() && lake.exists(LEADER)) {
            log.info("No new staff loads for {}", LEADER);
            return List.of(writer.unchangedWrite(MATCH), writer.unchangedWrite(IDENTITY),
                    writer.unchangedWrite(LEADER));
        }
        Dataset<Row> spells = SilverFrames.newest(staff.rows(), "school_urn", "staff_id", "role_start_date")
                .cache();

        TableWrite matches = writer.upsert(MATCH, matchNewPairs(spells));
        TableWrite identities = writer.upsert(IDENTITY, identities(spells));
        TableWrite leaders = writer.upsert(LEADER, changedSpells(leaderSpells(spells)));
        loads.markApplied(staff, LEADER);
        spells.unpersist();
        return List.of(matches, identities, leaders);
    }

    /** Decides the person of every (school, staff id) pair not seen before. */
    private Dataset<Row> matchNewPairs(Dataset<Row> spells) {
        LeaderMatcher matcher = new LeaderMatcher(keys);
        Set<String> knownPairs = new HashSet<>();
        if (lake.exists(MATCH)) {
            Dataset<Row> known = lake.read(MATCH).join(lake.read(IDENTITY), "leader_key")
                    .select("school_urn", "staff_id", "trn", "email", "leader_key");
            for (Row row : known.collectAsList()) {
                matcher.know(identity(row), row.getString(4));
                knownPairs.add(row.getInt(0) + ":" + row.getString(1));
            }
        }
        List<StaffIdentity> fresh = newestIdentities(spells).collectAsList().stream()
                .map(LeaderBuilder::identity)
                .filter(identity -> !knownPairs.contains(identity.schoolUrn() + ":" + identity.staffId()))
                .sorted(Comparator.comparingInt(StaffIdentity::schoolUrn).thenComparing(StaffIdentity::staffId))
                .toList();
        List<Decision> decisions = matcher.match(fresh);
        log.info("Matched {} new staff records: {}", decisions.size(), summary(decisions));

        String loadId = spells.agg(org.apache.spark.sql.functions.max("load_id")).first().getString(0);
        List<Row> rows = decisions.stream()
                .map(decision -> RowFactory.create(decision.identity().schoolUrn(), decision.identity().staffId(),
                        decision.leaderKey(), decision.matchedOn(), loadId))
                .toList();
        return lake.spark().createDataFrame(rows, new StructType()
                        .add("school_urn", DataTypes.IntegerType, false)
                        .add("staff_id", DataTypes.StringType, false)
                        .add("leader_key", DataTypes.StringType, false)
                        .add("matched_on", DataTypes.StringType, false)
                        .add("load_id", DataTypes.StringType, false))
                .withColumn("matched_at", current_timestamp());
    }

    /** Names and e-mail of each person, from their newest staff record. */
    private Dataset<Row> identities(Dataset<Row> spells) {
        var newestFirst = Window.partitionBy("leader_key").orderBy(col("updated_at").desc(), col("load_id").desc());
        return withLeaderKeys(spells)
                .withColumn("identity_rank", row_number().over(newestFirst))
                .filter(col("identity_rank").equalTo(1))
                .select("leader_key", "trn", "email", "given_name", "family_name", "updated_at");
    }

    private Dataset<Row> leaderSpells(Dataset<Row> spells) {
        Dataset<Row> managers = lake.read(MATCH)
                .select(col("school_urn").as("manager_school_urn"), col("staff_id").as("manager_staff_id"),
                        col("leader_key").as("line_manager_leader_key"));
        return withLeaderKeys(spells)
                .join(managers, col("school_urn").equalTo(col("manager_school_urn"))
                        .and(col("line_manager_staff_id").equalTo(col("manager_staff_id"))), "left")
                .withColumn("valid_from", col("role_start_date"))
                .withColumn("valid_to", col("role_end_date"))
                .withColumn("is_current", col("role_end_date").isNull())
                .withColumn("record_hash", sha2(concat_ws("|", col("staff_id"), col("role_title"), col("role_level"),
                        coalesce(col("line_manager_leader_key"), lit("")), coalesce(col("npq"), lit("")),
                        coalesce(col("role_end_date").cast("string"), lit(""))), 256))
                .select("leader_key", "school_urn", "staff_id", "role_title", "role_level", "line_manager_leader_key",
                        "npq", "valid_from", "valid_to", "is_current", "record_hash", "load_id", "updated_at");
    }

    /** Spells that are new, or whose attributes differ from what silver holds. */
    private Dataset<Row> changedSpells(Dataset<Row> spells) {
        if (!lake.exists(LEADER)) {
            return spells;
        }
        Dataset<Row> held = lake.read(LEADER).select(col("leader_key").as("held_leader_key"),
                col("school_urn").as("held_school_urn"), col("valid_from").as("held_valid_from"),
                col("record_hash").as("held_record_hash"));
        return spells.join(held, col("leader_key").equalTo(col("held_leader_key"))
                        .and(col("school_urn").equalTo(col("held_school_urn")))
                        .and(col("valid_from").equalTo(col("held_valid_from"))), "left")
                .filter(col("held_record_hash").isNull().or(col("held_record_hash").notEqual(col("record_hash"))))
                .select(java.util.Arrays.stream(spells.columns()).map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new));
    }

    private Dataset<Row> withLeaderKeys(Dataset<Row> spells) {
        Dataset<Row> matches = lake.read(MATCH).select("school_urn", "staff_id", "leader_key");
        return spells.join(matches, new String[] {"school_urn", "staff_id"});
    }

    private static Dataset<Row> newestIdentities(Dataset<Row> spells) {
        var newestFirst = Window.partitionBy("school_urn", "staff_id").orderBy(col("updated_at").desc());
        return spells.withColumn("identity_rank", row_number().over(newestFirst))
                .filter(col("identity_rank").equalTo(1))
                .select("school_urn", "staff_id", "trn", "email");
    }

    private static StaffIdentity identity(Row row) {
        return new StaffIdentity(row.getInt(0), row.getString(1), row.getString(2), row.getString(3));
    }

    private static String summary(List<Decision> decisions) {
        return decisions.stream()
                .collect(java.util.stream.Collectors.groupingBy(Decision::matchedOn, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()))
                .toString();
    }
}
