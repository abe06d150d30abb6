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
                    List.of("gold.cpd_targets", "silver.behaviour")));

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final TrustConfig trust;
    private final LocalDate asOf;

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
        for (String script : gold.scripts()) {
            used.addAll(GoldSql.parameters(script));
        }
        String inputs = gold.inputs().stream()
                .map(table -> table + "@" + writer.version(table))
                .collect(Collectors.joining(" "))
                + " " + used.stream().map(name -> name + "=" + parameters.get(name)).collect(Collectors.joining(" "))
                + " years=" + trust.academicYears(asOf).get(0) + ".." + AcademicYear.of(asOf);

        if (writer.isCurrent(gold.table(), inputs)) {
            return writer.unchangedWrite(gold.table());
        }

        for (String table : gold.inputs()) {
            lake.read(table).createOrReplaceTempView(table.replace('.', '_'));
        }
        academicYears().createOrReplaceTempView("academic_years");
        try (GoldSql sql = new GoldSql(lake.spark(), parameters)) {
            Dataset<Row> rows = null;
            for (String script : gold.scripts()) {
                rows = sql.run(script);
            }
            return writer.replace(gold.table(), rows, inputs);
        }
    }

    /** The settings the scripts may read, by the name they use. */
    private Map<String, Object> parameters() {
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
        parameters.put("as_of_date", asOf);
        return parameters;
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
