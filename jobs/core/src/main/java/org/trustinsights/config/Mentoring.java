package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

/** Mentoring settings: how many mentees one mentor takes at most. */
public record Mentoring(Integer capacity) {

    public static final int DEFAULT_CAPACITY = 2;

    public Mentoring {
        capacity = requireNonNullElse(capacity, DEFAULT_CAPACITY);
    }

    public static Mentoring defaults() {
        return new Mentoring(null);
    }
}
