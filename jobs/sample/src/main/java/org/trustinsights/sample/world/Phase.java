package org.trustinsights.sample.world;

/** A school's phase, with how large its leadership team tends to be and how it is named. */
public enum Phase {
    PRIMARY("primary", 0.8, "Primary Academy", "primary"),
    SECONDARY("secondary", 2.0, "Academy", "academy"),
    ALL_THROUGH("all_through", 2.4, "All-Through Academy", "allthrough"),
    SPECIAL("special", 0.7, "Special School", "special"),
    ALTERNATIVE_PROVISION("alternative_provision", 0.5, "Learning Centre", "centre");

    private final String code;
    private final double size;
    private final String nameSuffix;
    private final String domainSuffix;

    Phase(String code, double size, String nameSuffix, String domainSuffix) {
        this.code = code;
        this.size = size;
        this.nameSuffix = nameSuffix;
        this.domainSuffix = domainSuffix;
    }

    public String code() {
        return code;
    }

    /** Relative size of the leadership team: a secondary has about twice a primary's. */
    public double size() {
        return size;
    }

    public String nameSuffix() {
        return nameSuffix;
    }

    public String domainSuffix() {
        return domainSuffix;
    }
}
