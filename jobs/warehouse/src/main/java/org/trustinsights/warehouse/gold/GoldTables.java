package org.trustinsights.warehouse.gold;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.trustinsights.config.AcademicYear;
import org.trustinsights.config.Framework;
import org.trustinsights.config.Succession;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;

/**
 * The gold tables written by SQL: each is the last query of its scripts in {@code gold/} on the
 * classpath, over its input tables registered as views named {@code <layer>_<table>}. A table is
 * rewritten whole, and only when an input's version or a setting it reads has changed.
 */
public final class GoldTables {

    /** One gold table: the scripts that make it, in order, and the tables they read. */
    public record GoldTable(String table, List<String> scripts, List<String> inputs) {}

    private static final List<String> DIAGNOSTICS = List.of("silver.diagnostic_sittings",
            "silver.diagnostic_responses", "silver.school", "silver.behaviour", "silver.leader");
    private static final List<String> CYCLES = List.of("silver.development_cycles", "silver.cycle_focus",
            "silver.cycle_checkins");

    public static final List<GoldTable> TABLES = List.of(
            new GoldTable("gold.leader_behaviour_profile", List.of("diagnostic_scores", "leader_behaviour_profile"),
                    DIAGNOSTICS),
            new GoldTable("gold.school_behaviour_summary", List.of("counted_leaders", "school_behaviour_summary"),
                    List.of("gold.leader_behaviour_profile", "silver.school", "silver.behaviour")),
            new GoldTable("gold.trust_behaviour_trends", List.of("counted_leaders", "trust_behaviour_trends"),
                    List.of("gold.leader_behaviour_profile", "silver.school", "silver.behaviour")),
            new GoldTable("gold.priority_progress", List.of("counted_leaders", "priority_progress"),
                    concat(List.of("gold.leader_behaviour_profile", "silver.school", "silver.behaviour",
                            "silver.trust_priorities"), CYCLES)),
            new GoldTable("gold.cycle_engagement", List.of("counted_leaders", "cycle_engagement"),
                    concat(List.of("gold.leader_behaviour_profile", "silver.school", "silver.leader"), CYCLES)),
            new GoldTable("gold.cycle_effectiveness", List.of("diagnostic_scores", "cycle_effectiveness"),
                    concat(DIAGNOSTICS, CYCLES)),
            new GoldTable("gold.annual_review", List.of("diagnostic_scores", "counted_leaders", "annual_review"),
                    concat(DIAGNOSTICS, List.of("gold.leader_behaviour_profile", "gold.trust_behaviour_trends",
                            "gold.priority_progress", "gold.school_behaviour_summary", "silver.trust_priorities",
                            "silver.development_cycles"))),
            new GoldTable("gold.cpd_targets", List.of("counted_leaders", "cpd_targets"),
                    List.of("gold.leader_behaviour_profile", "silver.school", "silver.behaviour",
                            "silver.trust_priorities")),
            new GoldTable("gold.cpd_clusters", List.of("cpd_clusters"),
                    List.of("gold.cpd_targets", "silver.behaviour")),
            new GoldTable("gold.succession_readiness", List.of("succession_readiness"),
                    List.of("gold.leader_behaviour_profile", "silver.leader", "silver.school",
                            "silver.development_cycles")),
            new GoldTable("gold.succession_bench", List.of("succession_bench"),
                    List.of("gold.succession_readiness", "silver.leader", "silver.school")),
            new GoldTable("gold.succession_bench_trust", List.of("succession_bench", "succession_bench_trust"),
                    List.of("gold.succession_bench", "gold.succession_readiness", "silver.leader", "silver.school")),
            new GoldTable("gold.executive_conversation_pack", List.of("executive_conversation_pack"),
                    List.of("gold.priority_progress", "gold.school_behaviour_summary", "gold.cycle_engagement",
                            "gold.succession_bench", "silver.school", "silver.trust_priorities", "silver.behaviour")));

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final TrustConfig trust;
    private final LocalDate asOf;
    private Map<String, Dataset<Row>> configurationViews;

    public GoldTables(Lakehouse lake, DeltaWriter writer, TrustConfig trust, LocalDate asOf) {
        this.lake = lake;
        this.writer = writer;
        this.trust = trust;
        this.asOf = asOf;
    }

    public static List<String> tableNames() {
        return TABLES.stream().map(GoldTable::table).toList();
    }

    public TableWrite build(GoldTable gold) {
        Map<String, Object> parameters = parameters();
        Set<String> used = new LinkedHashSet<>();
        Map<String, Dataset<Row>> views = configurationViews();
        Set<String> viewsRead = new java.util.TreeSet<>();
        for (String script : gold.scripts()) {
            used.addAll(GoldSql.parameters(script));
            views.keySet().stream().filter(view -> GoldSql.reads(script, view)).forEach(viewsRead::add);
        }
        String inputs = gold.inputs().stream()
                .map(table -> table + "@" + writer.version(table))
                .collect(Collectors.joining(" "))
                + " " + used.stream().map(name -> name + "=" + parameters.get(name)).collect(Collectors.joining(" "))
                + " years=" + trust.academicYears(asOf).get(0) + ".." + AcademicYear.of(asOf)
                + viewsRead.stream().map(view -> " " + view + "=" + describe(views.get(view)))
                        .collect(Collectors.joining());

        if (writer.isCurrent(gold.table(), inputs)) {
            return writer.unchangedWrite(gold.table());
        }

        for (String table : gold.inputs()) {
            lake.read(table).createOrReplaceTempView(table.replace('.', '_'));
        }
        academicYears().createOrReplaceTempView("academic_years");
        views.forEach((name, rows) -> rows.createOrReplaceTempView(name));
        try (GoldSql sql = new GoldSql(lake.spark(), parameters)) {
            Dataset<Row> rows = null;
            for (String script : gold.scripts()) {
                rows = sql.run(script);
            }
            return writer.replace(gold.table(), rows, inputs);
        }
    }

    /** The settings the scripts may read, by the name they use. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("min_group_size", trust.privacy().minGroupSize());
        parameters.put("min_raters", trust.privacy().minRaters());
        parameters.put("agreement_margin", trust.diagnostics().agreementMargin());
        parameters.put("benchmark_margin", trust.diagnostics().benchmarkMargin());
        parameters.put("blind_spot_share", trust.diagnostics().blindSpotShare());
        parameters.put("hidden_strength_share", trust.diagnostics().hiddenStrengthShare());
        parameters.put("reliable_change_threshold", trust.diagnostics().reliableChangeThreshold());
        parameters.put("cycle_window_days", trust.cycles().windowDays());
        parameters.put("movement_margin", trust.review().movementMargin());
        parameters.put("candidate_count", trust.review().candidateCount());
        parameters.put("need_margin", trust.cpd().needMargin());
        parameters.put("target_share", trust.cpd().targetShare());
        parameters.put("cluster_min_schools", trust.cpd().clusterMinSchools());
        parameters.put("role_levels", trust.roles().levels().stream().map(level -> "'" + level + "'")
                .collect(Collectors.joining(", ", "array(", ")")));
        Succession succession = trust.succession();
        parameters.put("growth_target", succession.growthTarget());
        parameters.put("cycles_target", succession.cyclesTarget());
        parameters.put("lookback_months", succession.lookbackMonths());
        parameters.put("months_in_role_target", succession.monthsInRoleTarget());
        parameters.put("weight_behaviours", succession.weights().behaviours());
        parameters.put("weight_growth", succession.weights().growth());
        parameters.put("weight_cycles", succession.weights().cycles());
        parameters.put("weight_time_in_role", succession.weights().timeInRole());
        parameters.put("weight_qualification", succession.weights().qualification());
        parameters.put("band_ready_now", succession.bands().readyNow());
        parameters.put("band_ready_1_2_years", succession.bands().ready12Years());
        parameters.put("as_of_date", asOf);
        return parameters;
    }

    /**
     * Settings too rich for a parameter, as small views the scripts join: the ladder of role
     * levels, the behaviours and qualifications each next level needs, and the critical roles.
     */
    private Map<String, Dataset<Row>> configurationViews() {
        if (configurationViews == null) {
            configurationViews = buildConfigurationViews();
        }
        return configurationViews;
    }

    private Map<String, Dataset<Row>> buildConfigurationViews() {
        List<String> levels = trust.roles().levels();
        Succession succession = trust.succession();
        List<Row> ladder = new ArrayList<>();
        List<Row> required = new ArrayList<>();
        List<Row> npq = new ArrayList<>();
        List<String> everyBehaviour = trust.framework().behaviours().map(Framework.Behaviour::code).toList();
        for (int rank = 0; rank < levels.size(); rank++) {
            String next = rank + 1 < levels.size() ? levels.get(rank + 1) : null;
            ladder.add(RowFactory.create(levels.get(rank), rank + 1, next));
            if (rank > 0) {
                for (String code : succession.requiredBehaviours().getOrDefault(levels.get(rank), everyBehaviour)) {
                    required.add(RowFactory.create(levels.get(rank), code));
                }
            }
            for (String code : succession.relevantNpq().getOrDefault(levels.get(rank), List.of())) {
                npq.add(RowFactory.create(levels.get(rank), code));
            }
        }
        List<Row> roles = new ArrayList<>();
        List<Succession.CriticalRole> critical = succession.criticalRoles(trust.roles());
        for (int order = 0; order < critical.size(); order++) {
            Succession.CriticalRole role = critical.get(order);
            roles.add(RowFactory.create(role.name(), role.roleLevel(),
                    role.roleTitles(), order + 1));
        }
        Map<String, Dataset<Row>> views = new LinkedHashMap<>();
        views.put("role_ladder", lake.spark().createDataFrame(ladder, new StructType()
                .add("role_level", DataTypes.StringType, false)
                .add("level_rank", DataTypes.IntegerType, false)
                .add("next_role_level", DataTypes.StringType, true)));
        views.put("required_behaviours", lake.spark().createDataFrame(required, new StructType()
                .add("next_role_level", DataTypes.StringType, false)
                .add("behaviour_code", DataTypes.StringType, false)));
        views.put("relevant_npq", lake.spark().createDataFrame(npq, new StructType()
                .add("role_level", DataTypes.StringType, false)
                .add("npq", DataTypes.StringType, false)));
        views.put("critical_roles", lake.spark().createDataFrame(roles, new StructType()
                .add("critical_role", DataTypes.StringType, false)
                .add("role_level", DataTypes.StringType, false)
                .add("role_titles", DataTypes.createArrayType(DataTypes.StringType, false), false)
                .add("role_order", DataTypes.IntegerType, false)));
        return views;
    }

    /** A small configuration view's rows, in order, for the record of what a table was built from. */
    private static String describe(Dataset<Row> view) {
        return view.collectAsList().stream().map(Row::mkString).collect(Collectors.joining(";", "[", "]"));
    }

    private Dataset<Row> academicYears() {
        List<Row> rows = trust.academicYears(asOf).stream()
                .map(year -> RowFactory.create(year.toString(), Date.valueOf(year.firstDay()),
                        Date.valueOf(year.lastDay())))
                .toList();
        return lake.spark().createDataFrame(rows, new StructType()
                .add("academic_year", DataTypes.StringType, false)
                .add("year_start", DataTypes.DateType, false)
                .add("year_end", DataTypes.DateType, false));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(new LinkedHashSet<>(all));
    }
}
