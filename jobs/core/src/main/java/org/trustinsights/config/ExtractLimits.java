package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

/**
 * When a load has too many bad records to land: more than {@code rejectAllowance} rejected and
 * more than {@code maxRejectShare} of all records read. Below either, the rejects are kept in
 * {@code bronze.rejects} and the load commits.
 */
public record ExtractLimits(Double maxRejectShare, Integer rejectAllowance) {

    public static final double DEFAULT_MAX_REJECT_SHARE = 0.05;
    public static final int DEFAULT_REJECT_ALLOWANCE = 10;

    public ExtractLimits {
        maxRejectShare = requireNonNullElse(maxRejectShare, DEFAULT_MAX_REJECT_SHARE);
        rejectAllowance = requireNonNullElse(rejectAllowance, DEFAULT_REJECT_ALLOWANCE);
    }

    public static ExtractLimits defaults() {
        return new ExtractLimits(null, null);
    }

    public boolean exceeded(long rejected, long read) {
        return rejected > rejectAllowance && read > 0 && (double) rejected / read > maxRejectShare;
    }
}
