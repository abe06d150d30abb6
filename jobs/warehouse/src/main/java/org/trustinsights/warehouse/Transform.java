package org.trustinsights.warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.trustinsights.config.InsightsHome;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.warehouse.gold.GoldTables;
import org.trustinsights.warehouse.gold.LeaderHeadcountBuilder;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.LandingLoads;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;
import org.trustinsights.warehouse.silver.CpdBuilder;
import org.trustinsights.warehouse.silver.CycleBuilder;
import org.trustinsights.warehouse.silver.DiagnosticsBuilder;
import org.trustinsights.warehouse.silver.ItemBuilder;
import org.trustinsights.warehouse.silver.MentoringBuilder;
import org.trustinsights.warehouse.silver.LeaderBuilder;
import org.trustinsights.warehouse.silver.PseudonymKeys;
import org.trustinsights.warehouse.silver.TrustConfigurationBuilder;

/**
 * Builds silver from new landing loads and gold from silver, in dependency order, each step
 * writing only what changed. Used by {@code bin/insights transform} and by tests.
 */
public final class Transform {

    /** One step: the tables it writes and how. */
    private record Step(String layer, List<String> tables, Supplier<List<TableWrite>> run) {}

    private final List<Step> steps = new ArrayList<>();

    public Transform(Lakehouse lake, TrustConfig trust, PseudonymKeys keys, LocalDate asOf) {
        DeltaWriter writer = new DeltaWriter(lake);
        keys.register(lake.spark());
        LandingLoads loads = new LandingLoads(lake, writer);
        steps.add(new Step("silver", List.of("silver.school", "silver.behaviour", "silver.trust_priorities"),
                () -> new TrustConfigurationBuilder(lake, writer, trust).build()));
        steps.add(new Step("silver", List.of("silver.leader_match", "restricted.leader_identity", "silver.leader"),
                () -> new LeaderBuilder(lake, writer, loads, keys).build()));
        steps.add(new Step("silver", List.of("silver.diagnostic_sittings", "silver.diagnostic_responses"),
                () -> new DiagnosticsBuilder(lake, writer, loads, trust).build()));
        steps.add(new Step("silver", List.of("silver.item"),
                () -> List.of(new ItemBuilder(lake, writer, trust).build())));
        steps.add(new Step("silver",
                List.of("silver.cycle_checkins", "silver.development_cycles", "silver.cycle_focus"),
                () -> new CycleBuilder(lake, writer, loads).build()));
        steps.add(new Step("silver", List.of("silver.cpd_events", "silver.cpd_event_behaviours",
                "silver.cpd_attendance"), () -> new CpdBuilder(lake, writer, loads).build()));
        steps.add(new Step("silver", List.of("silver.mentoring_relationships"),
                () -> List.of(new MentoringBuilder(lake, writer, loads).build())));
        steps.add(new Step("gold", List.of("gold.leader_headcount"),
                () -> List.of(new LeaderHeadcountBuilder(lake, writer, trust, asOf).build())));
        GoldTables gold = new GoldTables(lake, writer, trust, asOf);
        for (GoldTables.GoldTable table : GoldTables.TABLES) {
            steps.add(new Step("gold", List.of(table.table()), () -> List.of(gold.build(table))));
        }
    }

    public static Transform forTrust(Lakehouse lake, TrustConfig trust, LocalDate asOf) {
        return new Transform(lake, trust, PseudonymKeys.fromEnvironment(InsightsHome.folder()), asOf);
    }

    /** Runs every step, or only those writing {@code table} when one is named. */
    public List<TableWrite> run(String table) {
        List<TableWrite> writes = new ArrayList<>();
        for (Step step : steps) {
            if (table == null || step.tables().contains(table) || step.layer().equals(table)) {
                writes.addAll(step.run().get());
            }
        }
        return writes;
    }
}
