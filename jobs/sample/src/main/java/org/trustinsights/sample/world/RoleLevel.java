package org.trustinsights.sample.world;

/** The leadership levels of the sample trust, lowest first. */
public enum RoleLevel {
    MIDDLE_LEADER("middle_leader"),
    ASSISTANT_HEAD("assistant_head"),
    DEPUTY_HEAD("deputy_head"),
    HEADTEACHER("headteacher"),
    EXECUTIVE_HEAD("executive_head");

    private final String code;

    RoleLevel(String code) {
        this.code = code;
    }

    /** The level as the MIS writes it, such as {@code deputy_head}. */
    public String code() {
        return code;
    }

    /** The level from which this one is usually filled; null for middle leaders. */
    public RoleLevel below() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    public boolean isSenior() {
        return this != MIDDLE_LEADER;
    }
}
