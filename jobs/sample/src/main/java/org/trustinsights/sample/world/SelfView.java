package org.trustinsights.sample.world;

/** How a leader's own ratings stand against what others see. */
public enum SelfView {
    /** Rates themselves about as others do. */
    IN_LINE,
    /** Rates themselves well above what others see. */
    OVER_ESTIMATOR,
    /** Rates themselves well below what others see: hidden strengths. */
    UNDER_ESTIMATOR
}
