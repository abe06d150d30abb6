package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

/**
 * How the quality gate judges a run against earlier ones: the share by which a silver table's
 * rows may fall before the gate closes, the fall in a column's completeness and the change in
 * the mean diagnostic score that are reported as anomalies, and how many offending rows a
 * failed check names.
 */
public record Quality(Double maxRowDrop, Double maxCompletenessDrop, Double maxMeanChange, Integer sampleRows) {

    public static final double DEFAULT_MAX_ROW_DROP = 0.5;
    public static final double DEFAULT_MAX_COMPLETENESS_DROP = 0.1;
    public static final double DEFAULT_MAX_MEAN_CHANGE = 0.5;
    public static final int DEFAULT_SAMPLE_ROWS = 3;

    public Quality {
        maxRowDrop = requireNonNullElse(maxRowDrop, DEFAULT_MAX_ROW_DROP);
        maxCompletenessDrop = requireNonNullElse(maxCompletenessDrop, DEFAULT_MAX_COMPLETENESS_DROP);
        maxMeanChange = requireNonNullElse(maxMeanChange, DEFAULT_MAX_MEAN_CHANGE);
        sampleRows = requireNonNullElse(sampleRows, DEFAULT_SAMPLE_ROWS);
    }

    public static Quality defaults() {
        return new Quality(null, null, null, null);
    }
}
