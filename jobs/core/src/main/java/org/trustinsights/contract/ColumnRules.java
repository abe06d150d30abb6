package org.trustinsights.contract;

import java.util.List;

/**
 * Checks on one column's values. Bounds are inclusive and written as the column's values are
 * (numbers, or ISO dates); references name {@code <layer>.<table>.<column>}.
 */
public record ColumnRules(
        List<String> allowed,
        String min,
        String max,
        String pattern,
        String references,
        Boolean unique) {

    public static final ColumnRules NONE = new ColumnRules(List.of(), null, null, null, null, false);

    public ColumnRules {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        unique = unique != null && unique;
    }

    public boolean isUnique() {
        return unique;
    }
}
