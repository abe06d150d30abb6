package org.trustinsights.contract;

import java.util.List;

/**
 * Checks on one column's values. Bounds are inclusive and written as the column's values are
 * (numbers, or ISO dates); references name {@code <layer>.<table>.<column>}. Every check is at
 * error level, but a reference may be a warning, for rows allowed to arrive before the row
 * they point at.
 */
public record ColumnRules(
        List<String> allowed,
        String min,
        String max,
        String pattern,
        String references,
        RowRule.Level referenceLevel,
        Boolean unique) {

    public static final ColumnRules NONE = new ColumnRules(List.of(), null, null, null, null, null, false);

    public ColumnRules {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        referenceLevel = referenceLevel == null ? RowRule.Level.ERROR : referenceLevel;
        unique = unique != null && unique;
    }

    public boolean isUnique() {
        return unique;
    }
}
