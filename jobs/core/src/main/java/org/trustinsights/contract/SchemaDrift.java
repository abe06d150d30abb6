package org.trustinsights.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the columns a job really produced with the table's contract, so a column added in
 * code but not in the contract (or the reverse) fails loudly instead of drifting.
 */
public final class SchemaDrift {

    private SchemaDrift() {}

    /** A produced column: its name and type as the contract's types see it. */
    public record ProducedColumn(String name, ColumnType type) {}

    /** Every difference, in words; empty when the table matches its contract. */
    public static List<String> differences(TableContract contract, List<ProducedColumn> produced) {
        Map<String, ColumnType> actual = new LinkedHashMap<>();
        produced.forEach(column -> actual.put(column.name(), column.type()));
        String file = "schemas/" + contract.layer() + "/" + contract.name() + ".yaml";
        List<String> differences = new ArrayList<>();

        for (String name : actual.keySet()) {
            if (contract.column(name).isEmpty()) {
                differences.add(contract.table() + " has column '" + name
                        + "' that its contract lacks; fix: add it to " + file);
            }
        }
        for (Column column : contract.columns()) {
            ColumnType type = actual.get(column.name());
            if (type == null) {
                differences.add(contract.table() + " lacks column '" + column.name()
                        + "' that its contract lists; fix: produce it or remove it from " + file);
            } else if (type != column.type()) {
                differences.add(contract.table() + "." + column.name() + " is " + type.yamlName()
                        + " but its contract says " + column.type().yamlName());
            }
        }
        return differences;
    }
}
