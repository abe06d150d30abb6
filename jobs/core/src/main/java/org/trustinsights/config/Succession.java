package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;
import java.util.Map;

/**
 * How readiness for the next role level is judged, and which roles a school's bench must cover.
 * Per next level: the behaviours it needs (every framework behaviour when none are named) and the
 * national professional qualifications that count towards it. Targets turn growth, completed
 * cycles and months in role into parts between 0 and 1; weights combine the parts; bands cut
 * the score. Critical roles default to one per level in {@code roles.critical}.
 */
public record Succession(
        Map<String, List<String>> requiredBehaviours,
        Map<String, List<String>> relevantNpq,
        Double growthTarget,
        Integer cyclesTarget,
        Integer lookbackMonths,
        Integer monthsInRoleTarget,
        Weights weights,
        Bands bands,
        List<CriticalRole> criticalRoles) {

    public static final double DEFAULT_GROWTH_TARGET = 0.5;
    public static final int DEFAULT_CYCLES_TARGET = 2;
    public static final int DEFAULT_LOOKBACK_MONTHS = 24;
    public static final int DEFAULT_MONTHS_IN_ROLE_TARGET = 24;
    public static final Map<String, List<String>> DEFAULT_RELEVANT_NPQ = Map.of(
            "assistant_head", List.of("NPQSL"),
            "deputy_head", List.of("NPQSL", "NPQH"),
            "headteacher", List.of("NPQH"),
            "executive_head", List.of("NPQEL"));

    /** The weights of the readiness parts; an unknown part's weight is left out. */
    public record Weights(Double behaviours, Double growth, Double cycles, Double timeInRole, Double qualification) {

        public Weights {
            behaviours = requireNonNullElse(behaviours, 0.4);
            growth = requireNonNullElse(growth, 0.15);
            cycles = requireNonNullElse(cycles, 0.15);
            timeInRole = requireNonNullElse(timeInRole, 0.15);
            qualification = requireNonNullElse(qualification, 0.15);
        }
    }

    /** The least readiness score of each band above "3+ years". */
    public record Bands(Double readyNow,
            @com.fasterxml.jackson.annotation.JsonProperty("ready_1_2_years") Double ready12Years) {

        public Bands {
            readyNow = requireNonNullElse(readyNow, 0.75);
            ready12Years = requireNonNullElse(ready12Years, 0.5);
        }
    }

    /** A role a school must be able to fill: its name, level, and the role titles that hold it, if narrower. */
    public record CriticalRole(String name, String roleLevel, List<String> roleTitles) {

        public CriticalRole {
            roleTitles = roleTitles == null ? List.of() : List.copyOf(roleTitles);
        }
    }

    public Succession {
        requiredBehaviours = requiredBehaviours == null ? Map.of() : Map.copyOf(requiredBehaviours);
        relevantNpq = relevantNpq == null ? DEFAULT_RELEVANT_NPQ : Map.copyOf(relevantNpq);
        growthTarget = requireNonNullElse(growthTarget, DEFAULT_GROWTH_TARGET);
        cyclesTarget = requireNonNullElse(cyclesTarget, DEFAULT_CYCLES_TARGET);
        lookbackMonths = requireNonNullElse(lookbackMonths, DEFAULT_LOOKBACK_MONTHS);
        monthsInRoleTarget = requireNonNullElse(monthsInRoleTarget, DEFAULT_MONTHS_IN_ROLE_TARGET);
        weights = requireNonNullElse(weights, new Weights(null, null, null, null, null));
        bands = requireNonNullElse(bands, new Bands(null, null));
        criticalRoles = criticalRoles == null ? null : List.copyOf(criticalRoles);
    }

    public static Succession defaults() {
        return new Succession(null, null, null, null, null, null, null, null, null);
    }

    /** The configured critical roles, or one per critical level of {@code roles}. */
    public List<CriticalRole> criticalRoles(Roles roles) {
        return criticalRoles != null ? criticalRoles
                : roles.critical().stream().map(level -> new CriticalRole(level, level, List.of())).toList();
    }
}
