package org.trustinsights.extract.landing;

import java.util.List;

/**
 * A run of consecutive records, the unit a landing step reads, checks and writes. Batching
 * spreads the step's per-item bookkeeping over many records.
 */
public record LandingBatch(List<LandingRecord> records) {}
