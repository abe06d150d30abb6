package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

/**
 * The annual review: the change in a mean others score that counts as movement, and how many of
 * the weakest and most blind-spotted behaviours to put forward as candidate priorities.
 */
public record Review(Double movementMargin, Integer candidateCount) {

    public static final double DEFAULT_MOVEMENT_MARGIN = 0.1;
    public static final int DEFAULT_CANDIDATE_COUNT = 3;

    public Review {
        movementMargin = requireNonNullElse(movementMargin, DEFAULT_MOVEMENT_MARGIN);
        candidateCount = requireNonNullElse(candidateCount, DEFAULT_CANDIDATE_COUNT);
    }

    public static Review defaults() {
        return new Review(null, null);
    }
}
