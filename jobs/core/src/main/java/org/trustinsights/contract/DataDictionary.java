package org.trustinsights.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the contracts as one readable Markdown data dictionary, so table docs are never
 * written twice. {@code DataDictionary SCHEMAS OUT} writes it; {@code --check} only compares.
 */
public final class DataDictionary {

    private static final List<String> LAYER_ORDER = List.of("bronze", "silver", "restricted", "gold", "ops");

    private DataDictionary() {}

    public static void main(String[] args) throws IOException {
        boolean check = args.length == 3 && args[0].equals("--check");
        if (args.length != 2 && !check) {
            System.err.println("usage: DataDictionary [--check] SCHEMAS_FOLDER OUTPUT_FILE");
            System.exit(2);
        }
        Path schemas = Path.of(args[check ? 1 : 0]);
        Path output = Path.of(args[check ? 2 : 1]);
        String rendered = render(Contracts.load(schemas));

        if (check) {
            boolean current = Files.exists(output) && Files.readString(output).equals(rendered);
            System.out.println(current ? output + " is current"
                    : output + " is out of date; fix: run bin/insights docs");
            System.exit(current ? 0 : 1);
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, rendered, StandardCharsets.UTF_8);
        System.out.println("Wrote " + output + " from " + Contracts.load(schemas).all().size() + " contracts");
    }

    /** The whole dictionary as Markdown. */
    public static String render(Contracts contracts) {
        StringBuilder out = new StringBuilder();
        out.append("# Tables\n\n")
                .append("Generated from `schemas/` by `bin/insights docs`; edit the contracts, not this file.\n\n");
        for (String layer : LAYER_ORDER) {
            List<TableContract> tables = contracts.layer(layer);
            if (tables.isEmpty()) {
                continue;
            }
            out.append("## ").append(layer).append("\n\n");
            for (TableContract table : tables) {
                out.append("- [").append(table.table()).append("](#").append(anchor(table)).append(")\n");
            }
            out.append('\n');
            tables.forEach(table -> renderTable(out, table));
        }
        return out.toString();
    }

    private static void renderTable(StringBuilder out, TableContract table) {
        out.append("### ").append(table.table()).append("\n\n")
                .append("Grain: ").append(table.grain()).append(".\n\n");
        if (!table.description().isBlank()) {
            out.append(table.description().strip()).append("\n\n");
        }
        if (table.source() != null) {
            out.append("Source: `").append(table.source().system()).append('/')
                    .append(table.source().entity()).append("`. ");
        }
        out.append("Key: `").append(String.join("`, `", table.primaryKey())).append("`.");
        if (!table.partitionBy().isEmpty()) {
            out.append(" Partitioned by `").append(String.join("`, `", table.partitionBy())).append("`.");
        }
        out.append("\n\n| column | type | required | personal data | description | rules |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (Column column : table.columns()) {
            out.append("| `").append(column.name()).append("` | ")
                    .append(column.type() == null ? "" : column.type().yamlName()).append(" | ")
                    .append(column.isNullable() ? "" : "yes").append(" | ")
                    .append(column.personal() == null ? "" : column.personal().yamlName()).append(" | ")
                    .append(cell(column.description()))
                    .append(column.isLineage() ? " (added by the extract)" : "").append(" | ")
                    .append(cell(describe(column.rules()))).append(" |\n");
        }
        out.append('\n');
        if (!table.rules().isEmpty()) {
            out.append("Row rules:\n\n");
            for (RowRule rule : table.rules()) {
                out.append("- `").append(rule.name()).append("` (").append(rule.level().name().toLowerCase())
                        .append("): ").append(cell(rule.description())).append(" `")
                        .append(cell(rule.condition())).append("`\n");
            }
            out.append('\n');
        }
    }

    private static String describe(ColumnRules rules) {
        List<String> parts = new ArrayList<>();
        if (!rules.allowed().isEmpty()) {
            parts.add("one of " + String.join(", ", rules.allowed()));
        }
        if (rules.min() != null) {
            parts.add("at least " + rules.min());
        }
        if (rules.max() != null) {
            parts.add("at most " + rules.max());
        }
        if (rules.pattern() != null) {
            parts.add("matches `" + rules.pattern() + "`");
        }
        if (rules.references() != null) {
            parts.add("references `" + rules.references() + "`"
                    + (rules.referenceLevel() == RowRule.Level.WARNING ? " (a warning)" : ""));
        }
        if (rules.isUnique()) {
            parts.add("unique");
        }
        return String.join("; ", parts);
    }

    private static String cell(String text) {
        return text == null ? "" : text.strip().replace("\n", " ").replace("|", "\\|");
    }

    private static String anchor(TableContract table) {
        return table.table().replace(".", "").toLowerCase();
    }
}
