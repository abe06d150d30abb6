package org.trustinsights.warehouse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.trustinsights.InsightsException;
import org.trustinsights.config.InsightsHome;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.contract.Contracts;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.LandingLoads;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;
import org.trustinsights.warehouse.quality.QualityGate;
import org.trustinsights.warehouse.quality.QualityReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The warehouse's command line: {@code transform}, {@code check} and {@code query}. */
@Command(name = "warehouse", mixinStandardHelpOptions = true,
        subcommands = {WarehouseCommand.TransformCommand.class, WarehouseCommand.CheckCommand.class,
                WarehouseCommand.QueryCommand.class},
        description = "Builds and queries the Delta Lake warehouse.")
public final class WarehouseCommand {

    /** The exit code of a run, or a report, whose quality gate closed. */
    static final int GATE_CLOSED = 3;

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        CommandLine commandLine = new CommandLine(new WarehouseCommand())
                .setExecutionExceptionHandler((exception, line, parsed) -> {
                    if (exception instanceof InsightsException) {
                        System.err.println(exception.getMessage());
                        return 1;
                    }
                    throw exception;
                });
        System.exit(commandLine.execute(args));
    }

    /** Options both commands share. */
    static class TrustOptions {

        @Option(names = "--config", required = true, description = "The trust configuration file.")
        Path config;

        Lakehouse open(String appName) {
            TrustConfig trust = TrustConfig.load(config);
            SparkSession spark = Lakehouse.session(appName, java.util.Map.of());
            return new Lakehouse(spark, Contracts.load(InsightsHome.schemas()), trust.lakeRoot());
        }
    }

    @Command(name = "transform", mixinStandardHelpOptions = true,
            description = "Builds silver from new landing loads, then gold; prints rows, Delta version "
                    + "and time per table.")
    static final class TransformCommand implements Callable<Integer> {

        @CommandLine.Mixin
        TrustOptions trust;

        @Option(names = "--table", description = "Build only this table, or one layer (silver, gold).")
        String table;

        @Option(names = "--as-of", description = "The date the run reports up to (default: today, UTC).")
        LocalDate asOf;

        @Option(names = "--run-id", description = "The run's id in the ops tables (default: a new one).")
        String runId;

        @Option(names = "--trigger", defaultValue = "cli",
                description = "What started the run: cli or airflow (default ${DEFAULT-VALUE}).")
        String trigger;

        @Override
        public Integer call() {
            long started = System.nanoTime();
            Lakehouse lake = trust.open("insights-transform");
            TrustConfig config = TrustConfig.load(trust.config);
            Transform.Result result = Transform.forTrust(lake, config,
                    asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf).run(table, runId, trigger);
            System.out.println("\nTransform summary, run " + result.runId());
            result.writes().forEach(write -> System.out.println(write.describe()));
            long rows = result.writes().stream().mapToLong(TableWrite::rowsWritten).sum();
            System.out.printf("%-34s %9d rows  %20.1f s%n", "all", rows, (System.nanoTime() - started) / 1e9);
            System.out.println(qualityLine(result));
            result.closing().forEach(outcome -> System.err.println(outcome.describe()));
            lake.spark().stop();
            return result.gateClosed() ? GATE_CLOSED : 0;
        }

        private static String qualityLine(Transform.Result result) {
            long passed = result.outcomes().stream().filter(QualityGate.Outcome::passed).count();
            long warned = result.outcomes().stream().filter(outcome -> !outcome.passed() && !outcome.check().isError())
                    .count();
            String gate = result.gateClosed()
                    ? "gate closed at " + result.closedAt() + ": its tables are back at their last good version"
                    : "gate open";
            return String.format("Quality: %d checks passed, %d warned, %d failed; %s (bin/insights check "
                    + "for the report)", passed, warned, result.closing().size(), gate);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Prints the quality report of the last run, or of one run: per table the checks "
                    + "that passed, warned and failed. Exits with 3 when that run's quality gate closed.")
    static final class CheckCommand implements Callable<Integer> {

        @CommandLine.Mixin
        TrustOptions trust;

        @Option(names = "--run", description = "The run to report on (default: the latest).")
        String runId;

        @Option(names = "--set-aside", paramLabel = "LOAD_ID",
                description = "Set this landing load aside instead, so silver never checks or merges it "
                        + "(its Parquet stays in bronze); needs --reason.")
        String setAside;

        @Option(names = "--reason", description = "Why the load is set aside; no names or personal data.")
        String reason;

        @Override
        public Integer call() {
            if (setAside != null && (reason == null || reason.isBlank())) {
                throw new InsightsException(InsightsException.Category.QUALITY, "Cannot set aside load " + setAside
                        + ": no reason given; fix: add --reason \"what was wrong and where it was resent\"");
            }
            Lakehouse lake = trust.open("insights-check");
            try {
                if (setAside != null) {
                    new LandingLoads(lake, new DeltaWriter(lake)).setAside(setAside, reason);
                    System.out.println("Set aside load " + setAside + "; the next transform leaves it out.");
                    return 0;
                }
                return new QualityReport(lake).print(runId, System.out) ? GATE_CLOSED : 0;
            } finally {
                lake.spark().stop();
            }
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Runs one SQL query over the lakehouse (silver, gold and ops tables by name) "
                    + "and prints the result.")
    static final class QueryCommand implements Callable<Integer> {

        @CommandLine.Mixin
        TrustOptions trust;

        @Option(names = "--limit", defaultValue = "50",
                description = "Rows to print at most (default ${DEFAULT-VALUE}).")
        int limit;

        @Parameters(index = "0", description = "The query, such as \"SELECT * FROM gold.leader_headcount\".")
        String sql;

        @Override
        public Integer call() {
            Lakehouse lake = trust.open("insights-query");
            lake.registerTables(List.of("silver", "gold", "ops"));
            lake.spark().sql(sql).show(limit, false);
            lake.spark().stop();
            return 0;
        }
    }
}
