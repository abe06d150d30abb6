package org.trustinsights.sample.drop;

import java.util.Locale;

/** The kinds of real-world defect the sample seeds into its drops. */
public enum DefectKind {
    /** An exact copy of a line, later in the same CSV drop. */
    DUPLICATE_ROW,
    /** A mentoring relationship whose mentor school is not a school of the trust. */
    UNKNOWN_SCHOOL_URN,
    /** A response score of 0 or 7 on a 1 to 5 scale. */
    SCORE_OUT_OF_SCALE,
    /** A staff role start date written as the school writes dates by hand. */
    MALFORMED_DATE,
    /** An empty staff id in a staff drop or table, or a response without its sitting id. */
    MISSING_KEY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
