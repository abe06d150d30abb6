package org.trustinsights.sample;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.trustinsights.InsightsException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/insights sample}: writes a fictional trust's source data, the same per seed. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        version = "insights sample 0.1.0",
        description = {
            "Writes realistic, fictional source data for a multi-academy trust: trust.yaml,",
            "framework.yaml, each school's drops under sources/<urn>/, and defects.json",
            "listing the defects seeded.",
            "The same seed and scale give the same files."
        })
public final class SampleCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write into.")
    private Path output;

    @Option(names = "--schools", paramLabel = "N",
            description = "Schools in the trust (default: ${DEFAULT-VALUE}).")
    private int schools = SampleOptions.DEFAULT_SCHOOLS;

    @Option(names = "--leaders", paramLabel = "N",
            description = "Leadership posts across the trust (default: ${DEFAULT-VALUE}).")
    private int leaders = SampleOptions.DEFAULT_LEADERS;

    @Option(names = "--years", paramLabel = "N",
            description = "Academic years of history (default: ${DEFAULT-VALUE}).")
    private int years = SampleOptions.DEFAULT_YEARS;

    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed = SampleOptions.DEFAULT_SEED;

    @Option(names = "--last-year", paramLabel = "YEAR",
            description = "Start year of the last academic year, 2025 for 2025/26"
                    + " (default: ${DEFAULT-VALUE}).")
    private int lastYear = SampleOptions.DEFAULT_LAST_YEAR;

    @Option(names = "--no-defects", description = "Seed no defects.")
    private boolean noDefects;

    @Option(names = "--overwrite", description = "Replace a sample already in the folder.")
    private boolean overwrite;

    public static void main(String[] arguments) {
        System.exit(new CommandLine(new SampleCommand()).execute(arguments));
    }

    @Override
    public Integer call() {
        try {
            SampleOptions options = new SampleOptions(output, schools, leaders, years, seed,
                    lastYear, !noDefects, overwrite);
            System.out.print(SampleGenerator.generate(options).summary().describe());
            return 0;
        } catch (InsightsException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
