package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

/**
 * How CPD needs are found: how far below the trust benchmark a leader's others score must fall
 * to count as a need, the share of a school's leaders in need that makes a target, and how many
 * schools must share a target for one trust-wide session to serve them as a cluster.
 */
public record Cpd(Double needMargin, Double targetShare, Integer clusterMinSchools) {

    public static final double DEFAULT_NEED_MARGIN = 0.5;
    public static final double DEFAULT_TARGET_SHARE = 0.3;
    public static final int DEFAULT_CLUSTER_MIN_SCHOOLS = 2;

    public Cpd {
        needMargin = requireNonNullElse(needMargin, DEFAULT_NEED_MARGIN);
        targetShare = requireNonNullElse(targetShare, DEFAULT_TARGET_SHARE);
        clusterMinSchools = requireNonNullElse(clusterMinSchools, DEFAULT_CLUSTER_MIN_SCHOOLS);
    }

    public static Cpd defaults() {
        return new Cpd(null, null, null);
    }
}
