package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

/**
 * How diagnostic scores are read: the self-other gap beyond which a leader over- or
 * under-estimates, the margin that makes a school's behaviour a strength against the trust, the
 * shares of over- and under-estimators that flag a blind spot or a hidden strength, and the
 * reliable change index beyond which a change between sittings is reliable.
 */
public record Diagnostics(
        Double agreementMargin,
        Double benchmarkMargin,
        Double blindSpotShare,
        Double hiddenStrengthShare,
        Double reliableChangeThreshold) {

    public static final double DEFAULT_AGREEMENT_MARGIN = 0.5;
    public static final double DEFAULT_BENCHMARK_MARGIN = 0.25;
    public static final double DEFAULT_BLIND_SPOT_SHARE = 0.4;
    public static final double DEFAULT_HIDDEN_STRENGTH_SHARE = 0.4;
    public static final double DEFAULT_RELIABLE_CHANGE_THRESHOLD = 1.96;

    public Diagnostics {
        agreementMargin = requireNonNullElse(agreementMargin, DEFAULT_AGREEMENT_MARGIN);
        benchmarkMargin = requireNonNullElse(benchmarkMargin, DEFAULT_BENCHMARK_MARGIN);
        blindSpotShare = requireNonNullElse(blindSpotShare, DEFAULT_BLIND_SPOT_SHARE);
        hiddenStrengthShare = requireNonNullElse(hiddenStrengthShare, DEFAULT_HIDDEN_STRENGTH_SHARE);
        reliableChangeThreshold = requireNonNullElse(reliableChangeThreshold, DEFAULT_RELIABLE_CHANGE_THRESHOLD);
    }

    public static Diagnostics defaults() {
        return new Diagnostics(null, null, null, null, null);
    }
}
