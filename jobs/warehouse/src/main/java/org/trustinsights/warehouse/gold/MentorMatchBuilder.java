package org.trustinsights.warehouse.gold;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.config.Framework;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.contract.Column;
import org.trustinsights.contract.TableContract;
import org.trustinsights.warehouse.gold.mentoring.MentorMatching;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.SparkSchemas;
import org.trustinsights.warehouse.lake.TableWrite;

/**
 * {@code gold.mentor_matches} and {@code gold.mentor_unmatched}: Spark finds the needs, the
 * reliably strong mentors, line managers and active relationships ({@code gold/mentor_candidates.sql});
 * {@link MentorMatching} pairs them on the driver. Both tables are rewritten together, and only
 * when an input or a setting has changed.
 */
public final class MentorMatchBuilder {

    public static final String MATCHES = "gold.mentor_matches";
    public static final String UNMATCHED = "gold.mentor_unmatched";
    public static final List<String> INPUTS = List.of("gold.leader_behaviour_profile", "silver.leader",
            "silver.school", "silver.diagnostic_sittings", "silver.diagnostic_responses",
            "silver.development_cycles", "silver.cycle_focus", "silver.mentoring_relationships");

    private static final Logger LOG = LoggerFactory.getLogger(MentorMatchBuilder.class);

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final TrustConfig trust;
    private final LocalDate asOf;
    private final GoldTables gold;

    public MentorMatchBuilder(Lakehouse lake, DeltaWriter writer, TrustConfig trust, LocalDate asOf) {
        this.lake = lake;
        this.writer = writer;
        this.trust = trust;
        this.asOf = asOf;
        this.gold = new GoldTables(lake, writer, trust, asOf);
    }

    public List<TableWrite> build() {
        Map<String, Object> parameters = gold.parameters();
        String inputs = INPUTS.stream().map(table -> table + "@" + writer.version(table))
                .collect(Collectors.joining(" "))
                + " " + trust.mentoring() + " scale=" + trust.framework().scale()
                + " min_raters=" + parameters.get("min_raters") + " min_group_size=" + parameters.get("min_group_size")
                + " reliable_change_threshold=" + parameters.get("reliable_change_threshold")
                + " role_levels=" + parameters.get("role_levels") + " as_of=" + asOf;
        if (writer.isCurrent(MATCHES, inputs) && writer.isCurrent(UNMATCHED, inputs)) {
            return List.of(writer.unchangedWrite(MATCHES), writer.unchangedWrite(UNMATCHED));
        }

        for (String table : INPUTS) {
            lake.read(table).createOrReplaceTempView(table.replace('.', '_'));
        }
        SparkSession spark = lake.spark();
        MentorMatching.Result result;
        try (GoldSql sql = new GoldSql(spark, parameters)) {
            sql.run("diagnostic_scores");
            List<MentorMatching.Need> needs = sql.run("mentor_candidates").collectAsList().stream()
                    .map(MentorMatchBuilder::need).toList();
            List<MentorMatching.Strength> strengths = spark.table("strong_mentors").collectAsList().stream()
                    .map(MentorMatchBuilder::strength).toList();
            Map<String, Set<String>> managers = new HashMap<>();
            for (Row row : spark.table("mentee_line_managers").collectAsList()) {
                managers.computeIfAbsent(row.getString(0), key -> new TreeSet<>()).add(row.getString(1));
            }
            List<MentorMatching.Existing> existing = spark.table("existing_mentoring").collectAsList().stream()
                    .map(MentorMatchBuilder::existing).toList();
            Framework.Scale scale = trust.framework().scale();
            long started = System.nanoTime();
            MentorMatching matching = new MentorMatching(trust.mentoring(),
                    new MentorMatching.Scale(scale.min(), scale.max()));
            result = matching.match(needs, strengths, managers, existing);
            LOG.info("Matched {} of {} open needs to {} candidate mentors over {} allowed pairs in {} ms ({})",
                    result.matches().stream().filter(match -> !match.isExisting()).count(), result.countNeeds(),
                    result.countMentors(), result.countCandidates(), (System.nanoTime() - started) / 1_000_000,
                    matching.solverSummary());
        }

        Date day = Date.valueOf(asOf);
        List<Row> matches = new ArrayList<>();
        for (MentorMatching.Match match : result.matches()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("as_of_date", day);
            values.put("mentee_leader_key", match.menteeKey());
            values.put("behaviour_code", match.behaviour());
            values.put("mentor_leader_key", match.mentorKey());
            values.put("mentee_school_urn", match.menteeSchoolUrn());
            values.put("mentor_school_urn", match.mentorSchoolUrn());
            values.put("mentee_role_level", match.menteeRoleLevel());
            values.put("mentor_role_level", match.mentorRoleLevel());
            values.put("need_source", match.needSource());
            values.put("is_existing", match.isExisting());
            values.put("mentee_others_score", match.menteeScore());
            values.put("mentor_others_score", match.mentorScore());
            values.put("strength_part", match.strengthPart());
            values.put("need_part", match.needPart());
            values.put("phase_fit_part", match.phaseFitPart());
            values.put("match_score", match.matchScore());
            values.put("reason", match.reason());
            matches.add(row(MATCHES, values));
        }
        List<Row> unmatched = new ArrayList<>();
        for (MentorMatching.Unmatched need : result.unmatched()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("as_of_date", day);
            values.put("mentee_leader_key", need.menteeKey());
            values.put("behaviour_code", need.behaviour());
            values.put("mentee_school_urn", need.schoolUrn());
            values.put("mentee_role_level", need.roleLevel());
            values.put("need_source", need.needSource());
            values.put("mentee_others_score", need.menteeScore());
            values.put("count_strong_mentors", need.countStrong());
            values.put("count_eligible_mentors", need.countEligible());
            values.put("reason_code", need.reasonCode());
            values.put("reason", need.reason());
            unmatched.add(row(UNMATCHED, values));
        }
        return List.of(
                writer.replace(MATCHES, frame(MATCHES, matches), inputs),
                writer.replace(UNMATCHED, frame(UNMATCHED, unmatched), inputs));
    }

    private Row row(String table, Map<String, Object> values) {
        TableContract contract = lake.contracts().get(table);
        return RowFactory.create(contract.columns().stream().map(Column::name).map(name -> {
            if (!values.containsKey(name)) {
                throw new IllegalStateException(table + " has column " + name + " that the mentor matching does not fill");
            }
            return values.get(name);
        }).toArray());
    }

    private Dataset<Row> frame(String table, List<Row> rows) {
        return lake.spark().createDataFrame(rows, SparkSchemas.of(lake.contracts().get(table)));
    }

    private static int whole(Row row, String column) {
        return ((Number) row.getAs(column)).intValue();
    }

    private static MentorMatching.Need need(Row row) {
        return new MentorMatching.Need(row.getAs("mentee_leader_key"), row.getAs("behaviour_code"),
                whole(row, "school_urn"), row.getAs("phase"), row.getAs("role_level"),
                whole(row, "level_rank"), row.<Boolean>getAs("is_focus"), row.<Boolean>getAs("is_low"),
                row.getAs("others_score"), row.getAs("trust_benchmark"));
    }

    private static MentorMatching.Strength strength(Row row) {
        return new MentorMatching.Strength(row.getAs("mentor_leader_key"), row.getAs("behaviour_code"),
                whole(row, "school_urn"), row.getAs("phase"), row.getAs("role_level"),
                whole(row, "level_rank"), row.<Double>getAs("others_score"), row.getAs("trust_benchmark"));
    }

    private static MentorMatching.Existing existing(Row row) {
        return new MentorMatching.Existing(row.getAs("mentee_leader_key"), row.getAs("behaviour_code"),
                row.getAs("mentor_leader_key"), row.<Date>getAs("start_date").toLocalDate(),
                whole(row, "mentee_school_urn"), whole(row, "mentor_school_urn"),
                row.getAs("mentee_phase"), row.getAs("mentor_phase"), row.getAs("mentee_role_level"),
                row.getAs("mentor_role_level"), row.getAs("mentee_others_score"), row.getAs("mentor_others_score"));
    }

}
