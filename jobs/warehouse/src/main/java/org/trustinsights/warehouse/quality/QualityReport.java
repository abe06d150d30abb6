package org.trustinsights.warehouse.quality;

import static org.apache.spark.sql.functions.col;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.trustinsights.InsightsException;
import org.trustinsights.warehouse.lake.Lakehouse;

/**
 * The quality report of one run, read back from {@code ops.pipeline_runs} and
 * {@code ops.quality_results}: per table, how many checks passed, warned and failed, then every
 * warning and failure with its message. What {@code bin/insights check} prints.
 */
public final class QualityReport {

    /** One table's line: checks passed, failed warnings, failed errors. */
    private record Counts(int passed, int warned, int failed) {

        static final Counts NONE = new Counts(0, 0, 0);

        static Counts of(Row outcome) {
            if ("passed".equals(outcome.getAs("status"))) {
                return new Counts(1, 0, 0);
            }
            return "error".equals(outcome.getAs("level")) ? new Counts(0, 0, 1) : new Counts(0, 1, 0);
        }

        Counts plus(Counts other) {
            return new Counts(passed + other.passed, warned + other.warned, failed + other.failed);
        }
    }

    private final Lakehouse lake;

    public QualityReport(Lakehouse lake) {
        this.lake = lake;
    }

    /**
     * Prints the report of {@code runId}, or of the latest run when null, and returns whether
     * that run's gate was closed. A run that checked nothing, because no table had changed, is
     * said to have done so, with the report of the latest run that checked something.
     */
    public boolean print(String runId, PrintStream out) {
        Row run = run(runId);
        String id = run.getAs("run_id");
        boolean closed = "gate_closed".equals(run.getAs("status"));
        out.printf("Run %s (%s, as of %s): %s%n", id, run.getAs("trigger"), run.getAs("as_of_date"),
                run.getAs("status"));

        List<Row> outcomes = outcomes(id);
        if (outcomes.isEmpty()) {
            Row checked = latestChecked(id);
            if (checked == null) {
                out.println("No checks have run yet.");
                return closed;
            }
            out.printf("It checked nothing: no landing load was new and no table had changed since run %s, "
                    + "whose checks follow.%n", checked.getString(0));
            outcomes = outcomes(checked.getString(0));
        }
        printCounts(outcomes, out);
        printProblems(outcomes, out);
        out.println(closed ? "Gate closed: an error-level check failed, so nothing from this run is published."
                : "Gate open.");
        return closed;
    }

    private Row run(String runId) {
        if (!lake.exists(RunRecord.RUNS)) {
            throw new InsightsException(InsightsException.Category.QUALITY,
                    "Cannot report on quality: no run is recorded in " + lake.root()
                            + "; fix: run bin/insights transform first");
        }
        var runs = lake.read(RunRecord.RUNS);
        List<Row> found = (runId == null ? runs : runs.filter(col("run_id").equalTo(runId)))
                .orderBy(col("started_at").desc(), col("run_id").desc())
                .limit(1)
                .collectAsList();
        if (found.isEmpty()) {
            throw new InsightsException(InsightsException.Category.QUALITY,
                    "Cannot report on run " + runId + ": no such run in ops.pipeline_runs; "
                            + "fix: choose a run_id from bin/insights query \"SELECT * FROM ops.pipeline_runs\"");
        }
        return found.get(0);
    }

    private List<Row> outcomes(String runId) {
        if (!lake.exists(QualityGate.RESULTS)) {
            return List.of();
        }
        return lake.read(QualityGate.RESULTS)
                .filter(col("run_id").equalTo(runId))
                .orderBy("table_name", "check_name")
                .collectAsList();
    }

    /** The latest run before or at this one that has check results. */
    private Row latestChecked(String runId) {
        if (!lake.exists(QualityGate.RESULTS)) {
            return null;
        }
        List<Row> found = lake.read(QualityGate.RESULTS)
                .filter(col("run_id").leq(runId))
                .select("run_id")
                .distinct()
                .orderBy(col("run_id").desc())
                .limit(1)
                .collectAsList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static void printCounts(List<Row> outcomes, PrintStream out) {
        Map<String, Counts> tables = new LinkedHashMap<>();
        for (Row outcome : outcomes) {
            tables.merge(outcome.getAs("table_name"), Counts.of(outcome), Counts::plus);
        }
        out.printf("%n%-40s %7s %7s %7s%n", "table", "passed", "warned", "failed");
        tables.forEach((table, counts) -> out.printf("%-40s %7d %7d %7d%n", table, counts.passed(),
                counts.warned(), counts.failed()));
        Counts all = tables.values().stream().reduce(Counts.NONE, Counts::plus);
        out.printf("%-40s %7d %7d %7d%n%n", "all", all.passed(), all.warned(), all.failed());
    }

    private static void printProblems(List<Row> outcomes, PrintStream out) {
        for (String level : List.of("error", "warning")) {
            List<Row> failed = outcomes.stream()
                    .filter(outcome -> "failed".equals(outcome.getAs("status")) && level.equals(outcome.getAs("level")))
                    .toList();
            if (failed.isEmpty()) {
                continue;
            }
            out.println(level.equals("error") ? "Failed (errors, which close the gate):" : "Warnings:");
            for (Row outcome : failed) {
                out.printf("  %s on %s: %s%n", outcome.getAs("check_name"), outcome.getAs("table_name"),
                        outcome.getAs("message"));
            }
            out.println();
        }
    }
}
