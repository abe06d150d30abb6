package org.trustinsights.contract;

import static java.util.Objects.requireNonNullElse;

import java.util.List;
import java.util.Optional;

/**
 * What a table promises: its grain, columns, keys, partitioning and quality rules. Contracts are
 * read from {@code schemas/<layer>/<name>.yaml}; no code restates a schema by hand.
 */
public record TableContract(
        String table,
        String grain,
        String description,
        SourceEntity source,
        List<Column> columns,
        List<String> primaryKey,
        List<String> partitionBy,
        List<RowRule> rules) {

    public TableContract {
        description = requireNonNullElse(description, "");
        columns = columns == null ? List.of() : List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The layer, the part of {@link #table()} before the dot: bronze, silver, gold, … */
    public String layer() {
        int dot = table.indexOf('.');
        return dot < 0 ? "" : table.substring(0, dot);
    }

    /** The table's name within its layer. */
    public String name() {
        return table.substring(table.indexOf('.') + 1);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    /** The columns the source itself sends, in contract order (bronze tables). */
    public List<Column> sourceColumns() {
        return columns.stream().filter(column -> !column.isLineage()).toList();
    }
}
