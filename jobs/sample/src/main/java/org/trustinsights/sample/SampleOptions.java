package org.trustinsights.sample;

import static org.trustinsights.InsightsException.Category.CONFIGURATION;

import java.nio.file.Path;

import org.trustinsights.InsightsException;
import org.trustinsights.sample.world.TrustSettings;

/**
 * What {@code sample} is asked to write: where, at what scale, from which seed, up to which
 * academic year (its starting year, 2025 for 2025/26), with or without seeded defects.
 */
public record SampleOptions(
        Path output,
        int schools,
        int leaders,
        int years,
        long seed,
        int lastYear,
        boolean defects,
        boolean overwrite) {

    public static final int DEFAULT_SCHOOLS = 8;
    public static final int DEFAULT_LEADERS = 120;
    public static final int DEFAULT_YEARS = 3;
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_LAST_YEAR = 2025;
    public static final int MOST_SCHOOLS = 500;
    public static final int MOST_LEADERS = 100_000;
    public static final int MOST_YEARS = 10;

    public SampleOptions {
        check(output != null, "--out", null, "name the folder to write the sample into");
        check(schools >= 1 && schools <= MOST_SCHOOLS, "--schools", schools,
                "use 1 to " + MOST_SCHOOLS + " schools");
        check(years >= 1 && years <= MOST_YEARS, "--years", years,
                "use 1 to " + MOST_YEARS + " years");
        check(lastYear >= 2016 && lastYear <= 2100, "--last-year", lastYear,
                "give the start year of the last academic year, such as 2025 for 2025/26");
        int fewest = TrustSettings.fewestLeaders(schools);
        check(leaders >= fewest && leaders <= MOST_LEADERS, "--leaders", leaders,
                "use " + fewest + " to " + MOST_LEADERS + " leaders for " + schools
                        + " schools (five posts a school and an executive head per ten schools)");
    }

    public static SampleOptions defaults(Path output) {
        return new SampleOptions(output, DEFAULT_SCHOOLS, DEFAULT_LEADERS, DEFAULT_YEARS,
                DEFAULT_SEED, DEFAULT_LAST_YEAR, true, false);
    }

    public TrustSettings settings() {
        return new TrustSettings(seed, schools, leaders, years, lastYear);
    }

    private static void check(boolean condition, String option, Object value, String fix) {
        if (!condition) {
            String problem = value == null ? "missing" : "'" + value + "' is not valid";
            throw new InsightsException(CONFIGURATION, "Cannot generate a sample trust: " + option
                    + " " + problem + "; fix: " + fix);
        }
    }
}
