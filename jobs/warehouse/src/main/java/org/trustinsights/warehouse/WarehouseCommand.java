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
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The warehouse's command line: {@code transform} and {@code query}. */
@Command(name = "warehouse", mixinStandardHelpOptions = true,
        subcommands = {WarehouseCommand.TransformCommand.class, WarehouseCommand.QueryCommand.class},
        description = "Builds and queries the Delta Lake warehouse.")
public final class WarehouseCommand {

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

        @Override
        public Integer call() {
            long started = System.nanoTime();
            Lakehouse lake = trust.open("insights-transform");
            TrustConfig config = TrustConfig.load(trust.config);
            List<TableWrite> writes = Transform.forTrust(lake, config,
                    asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf).run(table);
            System.out.println("\nTransform summary");
            writes.forEach(write -> System.out.println(write.describe()));
            long rows = writes.stream().mapToLong(TableWrite::rowsWritten).sum();
            System.out.printf("%-34s %9d rows  %20.1f s%n", "all", rows, (System.nanoTime() - started) / 1e9);
            lake.spark().stop();
            return 0;
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
