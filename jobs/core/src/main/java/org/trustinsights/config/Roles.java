package org.trustinsights.config;

import java.util.List;

/**
 * Leadership role levels, lowest first (the order succession climbs), and the levels whose
 * vacancy a school's succession plan must cover.
 */
public record Roles(List<String> levels, List<String> critical) {

    public static final List<String> DEFAULT_LEVELS = List.of(
            "middle_leader", "assistant_head", "deputy_head", "headteacher", "executive_head");
    public static final List<String> DEFAULT_CRITICAL = List.of("headteacher", "deputy_head");

    public Roles {
        levels = levels == null ? DEFAULT_LEVELS : List.copyOf(levels);
        critical = critical == null ? DEFAULT_CRITICAL : List.copyOf(critical);
    }

    public static Roles defaults() {
        return new Roles(null, null);
    }
}
