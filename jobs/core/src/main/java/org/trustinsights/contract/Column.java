package org.trustinsights.contract;

import static java.util.Objects.requireNonNullElse;

/** One column of a table contract. */
public record Column(
        String name,
        ColumnType type,
        Boolean nullable,
        String description,
        Personal personal,
        Boolean lineage,
        ColumnRules rules) {

    public Column {
        nullable = requireNonNullElse(nullable, true);
        lineage = requireNonNullElse(lineage, false);
        description = requireNonNullElse(description, "");
        rules = requireNonNullElse(rules, ColumnRules.NONE);
    }

    public boolean isNullable() {
        return nullable;
    }

    /** True for the columns the extract job adds (school, load, position) rather than the source. */
    public boolean isLineage() {
        return lineage;
    }

    public boolean isDirectlyPersonal() {
        return personal == Personal.DIRECT;
    }
}
