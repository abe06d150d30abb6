package org.trustinsights.sample.world;

/** How a rater stands to the leader they rate. */
public enum RaterRole {
    SELF("self", 0.0),
    LINE_MANAGER("line_manager", -0.1),
    PEER("peer", 0.0),
    DIRECT_REPORT("direct_report", 0.1);

    private final String code;
    private final double offset;

    RaterRole(String code, double offset) {
        this.code = code;
        this.offset = offset;
    }

    public String code() {
        return code;
    }

    /** Line managers rate a little lower than peers, direct reports a little higher. */
    double offset() {
        return offset;
    }
}
