package org.trustinsights.config;

import java.nio.file.Path;

/**
 * The project folder: where {@code schemas/} and the default lake {@code var/lake} live. Taken
 * from {@code INSIGHTS_HOME} (set by {@code bin/insights}), else the working folder.
 */
public final class InsightsHome {

    private InsightsHome() {}

    public static Path folder() {
        String home = System.getProperty("insights.home", System.getenv("INSIGHTS_HOME"));
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    public static Path schemas() {
        return folder().resolve("schemas");
    }
}
