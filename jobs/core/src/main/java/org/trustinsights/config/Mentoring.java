package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

/**
 * Cross-school mentor matching: how many mentees a mentor takes and how many mentors a mentee
 * gets, whether both schools must share a phase, how a pair is scored, and the need given to a
 * focus behaviour that has no shown others score.
 */
public record Mentoring(
        Integer capacity,
        Integer menteeCapacity,
        Boolean requirePhaseFit,
        Weights weights,
        Double unscoredNeed) {

    public static final int DEFAULT_CAPACITY = 2;
    public static final int DEFAULT_MENTEE_CAPACITY = 1;
    public static final double DEFAULT_UNSCORED_NEED = 0.5;

    /** The weights of a pair's score parts: the mentor's strength, the mentee's need, phase fit. */
    public record Weights(Double strength, Double need, Double phaseFit) {

        public static final double DEFAULT_STRENGTH = 0.5;
        public static final double DEFAULT_NEED = 0.3;
        public static final double DEFAULT_PHASE_FIT = 0.2;

        public Weights {
            strength = requireNonNullElse(strength, DEFAULT_STRENGTH);
            need = requireNonNullElse(need, DEFAULT_NEED);
            phaseFit = requireNonNullElse(phaseFit, DEFAULT_PHASE_FIT);
        }
    }

    public Mentoring {
        capacity = requireNonNullElse(capacity, DEFAULT_CAPACITY);
        menteeCapacity = requireNonNullElse(menteeCapacity, DEFAULT_MENTEE_CAPACITY);
        requirePhaseFit = requireNonNullElse(requirePhaseFit, false);
        weights = requireNonNullElse(weights, new Weights(null, null, null));
        unscoredNeed = requireNonNullElse(unscoredNeed, DEFAULT_UNSCORED_NEED);
    }

    public static Mentoring defaults() {
        return new Mentoring(null, null, null, null, null);
    }
}
