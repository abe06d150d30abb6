package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

/** Development cycles: their planned length and the grace after it before a cycle is overdue. */
public record Cycles(Integer lengthDays, Integer graceDays) {

    public static final int DEFAULT_LENGTH_DAYS = 90;
    public static final int DEFAULT_GRACE_DAYS = 14;

    public Cycles {
        lengthDays = requireNonNullElse(lengthDays, DEFAULT_LENGTH_DAYS);
        graceDays = requireNonNullElse(graceDays, DEFAULT_GRACE_DAYS);
    }

    public static Cycles defaults() {
        return new Cycles(null, null);
    }

    /** Days from a cycle's start to the end of its window. */
    public int windowDays() {
        return lengthDays + graceDays;
    }
}
