package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

/**
 * Privacy thresholds. An aggregate over fewer than {@code minGroupSize} leaders is suppressed; a
 * rating by others is shown only as an average over at least {@code minRaters} raters.
 */
public record Privacy(Integer minGroupSize, Integer minRaters) {

    public static final int DEFAULT_MIN_GROUP_SIZE = 5;
    public static final int DEFAULT_MIN_RATERS = 3;

    public Privacy {
        minGroupSize = requireNonNullElse(minGroupSize, DEFAULT_MIN_GROUP_SIZE);
        minRaters = requireNonNullElse(minRaters, DEFAULT_MIN_RATERS);
    }

    public static Privacy defaults() {
        return new Privacy(null, null);
    }
}
