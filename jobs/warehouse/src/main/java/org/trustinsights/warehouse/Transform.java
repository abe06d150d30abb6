package org.trustinsights.warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.config.InsightsHome;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.gold.GoldTables;
import org.trustinsights.warehouse.gold.LeaderHeadcountBuilder;
import org.trustinsights.warehouse.gold.MentorMatchBuilder;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.LandingLoads;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;
import org.trustinsights.warehouse.quality.QualityGate;
import org.trustinsights.warehouse.quality.RunRecord;
import org.trustinsights.warehouse.silver.CpdBuilder;
import org.trustinsights.warehouse.silver.CycleBuilder;
import org.trustinsights.warehouse.silver.DiagnosticsBuilder;
import org.trustinsights.warehouse.silver.ItemBuilder;
import org.trustinsights.warehouse.silver.LeaderBuilder;
import org.trustinsights.warehouse.silver.MentoringBuilder;
import org.trustinsights.warehouse.silver.PseudonymKeys;
import org.trustinsights.warehouse.silver.TrustConfigurationBuilder;

/**
 * Builds silver from new landing loads and gold from silver, in dependency order, each step
 * writing only what changed, with the quality gate between the stages: new landing loads are
 * checked before silver takes them, silver after its merges and gold before anything can
 * publish it. A failed error-level check stops the run there and puts the stage's tables back
 * at the versions they had when the run began. Used by {@code bin/insights transform} and tests.
 */
public final class Transform {

    private static final Logger log = LoggerFactory.getLogger(Transform.class);

    /** One step: the landing tables it takes new loads from, the tables it writes, and how. */
    private record Step(String layer, List<String> landing, List<String> tables, Supplier<List<TableWrite>> run) {}

    /**
     * What a run did: the tables it wrote, every check's outcome, and the stage where the gate
     * closed ({@code landing}, {@code silver} or {@code gold}), or null when it stayed open.
     */
    public record Result(String runId, List<TableWrite> writes, List<QualityGate.Outcome> outcomes,
            String closedAt) {

        public boolean gateClosed() {
            return closedAt != null;
        }

        /** The failed error-level checks, which closed the gate. */
        public List<QualityGate.Outcome> closing() {
            return outcomes.stream().filter(QualityGate.Outcome::closesGate).toList();
        }
    }

    private final Lakehouse lake;
    private final TrustConfig trust;
    private final LocalDate asOf;
    private final DeltaWriter writer;
    private final LandingLoads loads;
    private final Step configuration;
    private final List<Step> steps = new ArrayList<>();

    public Transform(Lakehouse lake, TrustConfig trust, PseudonymKeys keys, LocalDate asOf) {
        this.lake = lake;
        this.trust = trust;
        this.asOf = asOf;
        this.writer = new DeltaWriter(lake);
        this.loads = new LandingLoads(lake, writer);
        keys.register(lake.spark());
        configuration = new Step("silver", List.of(),
                List.of("silver.school", "silver.behaviour", "silver.trust_priorities"),
                () -> new TrustConfigurationBuilder(lake, writer, trust).build());
        steps.add(new Step("silver", List.of("bronze.mis_staff"),
                List.of("silver.leader_match", "restricted.leader_identity", "silver.leader"),
                () -> new LeaderBuilder(lake, writer, loads, keys).build()));
        steps.add(new Step("silver", List.of("bronze.diagnostics_sittings", "bronze.diagnostics_responses"),
                List.of("silver.diagnostic_sittings", "silver.diagnostic_responses"),
                () -> new DiagnosticsBuilder(lake, writer, loads, trust).build()));
        steps.add(new Step("silver", List.of(), List.of("silver.item"),
                () -> List.of(new ItemBuilder(lake, writer, trust).build())));
        steps.add(new Step("silver", List.of("bronze.diagnostics_checkins", "bronze.diagnostics_cycles"),
                List.of("silver.cycle_checkins", "silver.development_cycles", "silver.cycle_focus"),
                () -> new CycleBuilder(lake, writer, loads).build()));
        steps.add(new Step("silver", List.of("bronze.cpd_events", "bronze.cpd_attendance"),
                List.of("silver.cpd_events", "silver.cpd_event_behaviours", "silver.cpd_attendance"),
                () -> new CpdBuilder(lake, writer, loads).build()));
        steps.add(new Step("silver", List.of("bronze.mentoring_relationships"),
                List.of("silver.mentoring_relationships"),
                () -> List.of(new MentoringBuilder(lake, writer, loads).build())));
        steps.add(new Step("gold", List.of(), List.of("gold.leader_headcount"),
                () -> List.of(new LeaderHeadcountBuilder(lake, writer, trust, asOf).build())));
        GoldTables gold = new GoldTables(lake, writer, trust, asOf);
        for (GoldTables.GoldTable table : GoldTables.TABLES) {
            steps.add(new Step("gold", List.of(), List.of(table.table()), () -> List.of(gold.build(table))));
        }
        steps.add(new Step("gold", List.of(), List.of(MentorMatchBuilder.MATCHES, MentorMatchBuilder.UNMATCHED),
                () -> new MentorMatchBuilder(lake, writer, trust, asOf).build()));
    }

    public static Transform forTrust(Lakehouse lake, TrustConfig trust, LocalDate asOf) {
        return new Transform(lake, trust, PseudonymKeys.fromEnvironment(InsightsHome.folder()), asOf);
    }

    /** Runs every step, or only those writing {@code table} when one is named, as a new run from the launcher. */
    public Result run(String table) {
        return run(table, null, "cli");
    }

    /**
     * Runs every step, or only those writing {@code table} (a table or a layer), recording the
     * run under {@code runId} (a new one when null) with what started it ({@code cli} or
     * {@code airflow}).
     */
    public Result run(String table, String runId, String trigger) {
        QualityGate gate = new QualityGate(lake, trust.quality());
        RunRecord run = new RunRecord(lake, writer, runId, trigger, asOf);
        run.start();
        List<TableWrite> writes = new ArrayList<>();
        try {
            String closedAt = stages(table, gate, run, writes);
            if (closedAt == null) {
                gate.saveMetrics();
            }
            run.finish(closedAt == null ? RunRecord.Status.SUCCEEDED : RunRecord.Status.GATE_CLOSED, gate.outcomes());
            return new Result(run.runId(), writes, gate.outcomes(), closedAt);
        } catch (RuntimeException e) {
            run.finish(RunRecord.Status.FAILED, gate.outcomes());
            throw e;
        }
    }

    /** Runs the stages with the gate between them; returns where the gate closed, or null. */
    private String stages(String table, QualityGate gate, RunRecord run, List<TableWrite> writes) {
        List<Step> silver = chosen(table, "silver");
        List<Step> gold = chosen(table, "gold");
        Map<String, Long> silverBefore = versions(silver, configuration, LandingLoads.APPLIED);

        if (!silver.isEmpty()) {
            writes.addAll(runStep(configuration, run));
            List<String> landing = silver.stream().flatMap(step -> step.landing().stream()).toList();
            if (closes(gate.checkLanding(loads, landing))) {
                return "landing";
            }
        }
        for (Step step : silver) {
            writes.addAll(runStep(step, run));
        }
        if (closes(gate.checkTables(tables(silver, configuration)))) {
            restore(silverBefore, run);
            return "silver";
        }

        Map<String, Long> goldBefore = versions(gold, null, null);
        for (Step step : gold) {
            writes.addAll(runStep(step, run));
        }
        if (closes(gate.checkTables(tables(gold, null)))) {
            restore(goldBefore, run);
            return "gold";
        }
        return null;
    }

    private List<Step> chosen(String table, String layer) {
        return steps.stream()
                .filter(step -> step.layer().equals(layer))
                .filter(step -> table == null || step.tables().contains(table) || step.layer().equals(table))
                .toList();
    }

    private List<TableWrite> runStep(Step step, RunRecord run) {
        List<TableWrite> written = step.run().get();
        run.stage(step.layer(), written);
        return written;
    }

    private static boolean closes(List<QualityGate.Outcome> outcomes) {
        return outcomes.stream().anyMatch(QualityGate.Outcome::closesGate);
    }

    private static List<String> tables(List<Step> chosen, Step extra) {
        List<String> tables = new ArrayList<>();
        if (extra != null && !chosen.isEmpty()) {
            tables.addAll(extra.tables());
        }
        chosen.forEach(step -> tables.addAll(step.tables()));
        return tables;
    }

    /** Each table's version now, or null for a table that does not exist yet. */
    private Map<String, Long> versions(List<Step> chosen, Step extra, String bookkeeping) {
        Map<String, Long> versions = new LinkedHashMap<>();
        List<String> tables = tables(chosen, extra);
        if (bookkeeping != null && !chosen.isEmpty()) {
            tables.add(bookkeeping);
        }
        for (String table : tables) {
            versions.put(table, lake.exists(table) ? lake.version(table) : null);
        }
        return versions;
    }

    /** Puts every table the run moved back at the version it had before, or removes it if it had none. */
    private void restore(Map<String, Long> before, RunRecord run) {
        for (Map.Entry<String, Long> entry : before.entrySet()) {
            String table = entry.getKey();
            Long version = entry.getValue();
            if (lake.exists(table) && !Long.valueOf(lake.version(table)).equals(version)) {
                lake.restore(table, version);
                log.warn("Put {} back at {} because the quality gate closed", table,
                        version == null ? "no version (removed)" : "version " + version);
                run.restored("check", table, version, "put back at its last good version: the quality gate closed");
            }
        }
    }
}
