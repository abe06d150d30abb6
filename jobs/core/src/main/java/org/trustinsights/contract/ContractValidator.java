package org.trustinsights.contract;

import static org.trustinsights.InsightsException.Category.CONTRACT;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.trustinsights.InsightsException;

/** The rules every contract obeys, checked when contracts load. */
final class ContractValidator {

    static final Set<String> LAYERS = Set.of("bronze", "silver", "restricted", "gold", "ops");
    private static final Set<String> LAYERS_WITH_NAMES = Set.of("bronze", "restricted");
    private static final Pattern SNAKE_CASE = Pattern.compile("^[a-z][a-z0-9_]*$");

    private ContractValidator() {}

    static void checkOne(Path file, TableContract contract) {
        String expected = file.getName(0) + "." + file.getFileName().toString().replace(".yaml", "");
        require(file, expected.equals(contract.table()), "table",
                "'" + contract.table() + "' does not match the file's path; fix: name it " + expected);
        require(file, LAYERS.contains(contract.layer()), "table",
                "unknown layer '" + contract.layer() + "'; use one of " + LAYERS);
        require(file, contract.grain() != null && contract.grain().startsWith("one row per"), "grain",
                "say the grain as 'one row per …'");
        require(file, !contract.columns().isEmpty(), "columns", "a table needs columns");
        require(file, !contract.primaryKey().isEmpty(), "primary_key", "a table needs a primary key");
        require(file, contract.layer().equals("bronze") == (contract.source() != null)
                || contract.table().equals("bronze.rejects")
                || contract.table().equals("bronze.load_manifests"), "source",
                "bronze tables name their source system and entity, other layers none");
        checkColumns(file, contract);
        checkKeyColumns(file, contract, "primary_key", contract.primaryKey());
        checkKeyColumns(file, contract, "partition_by", contract.partitionBy());
        checkRules(file, contract.rules());
    }

    static void checkReferences(Contracts contracts) {
        for (TableContract contract : contracts.all()) {
            for (Column column : contract.columns()) {
                String reference = column.rules().references();
                if (reference != null && !resolves(contracts, reference)) {
                    throw error(file(contract), "columns." + column.name() + ".rules.references",
                            "'" + reference + "' names no contract's column; fix: write <layer>.<table>.<column>");
                }
            }
        }
    }

    private static void checkColumns(Path file, TableContract contract) {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < contract.columns().size(); index++) {
            Column column = contract.columns().get(index);
            String key = "columns[" + index + "]";
            require(file, column.name() != null && SNAKE_CASE.matcher(column.name()).matches(),
                    key + ".name", "'" + column.name() + "' is not a snake_case name");
            require(file, seen.add(column.name()), key + ".name",
                    "column '" + column.name() + "' appears twice");
            require(file, column.type() != null, key + ".type",
                    "column '" + column.name() + "' has no type; use one of " + ColumnType.names());
            require(file, !column.isDirectlyPersonal() || LAYERS_WITH_NAMES.contains(contract.layer()),
                    key + ".personal", "column '" + column.name() + "' names a person, which only "
                            + "bronze and restricted tables may hold; fix: keep a pseudonymous key here");
            require(file, !column.isLineage() || contract.layer().equals("bronze"), key + ".lineage",
                    "only bronze tables have lineage columns");
            checkPattern(file, key, column);
        }
    }

    private static void checkPattern(Path file, String key, Column column) {
        String pattern = column.rules().pattern();
        if (pattern == null) {
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (RuntimeException e) {
            throw error(file, key + ".rules.pattern", "'" + pattern + "' is not a regular expression");
        }
    }

    private static void checkKeyColumns(Path file, TableContract contract, String key, List<String> names) {
        for (String name : names) {
            require(file, contract.column(name).isPresent(), key,
                    "'" + name + "' is not a column of " + contract.table());
        }
    }

    private static void checkRules(Path file, List<RowRule> rules) {
        Set<String> names = new HashSet<>();
        for (int index = 0; index < rules.size(); index++) {
            RowRule rule = rules.get(index);
            require(file, rule.name() != null && names.add(rule.name()), "rules[" + index + "].name",
                    "each rule needs a name of its own");
            require(file, rule.condition() != null && !rule.condition().isBlank(),
                    "rules[" + index + "].condition", "rule '" + rule.name() + "' has no condition");
        }
    }

    private static boolean resolves(Contracts contracts, String reference) {
        int dot = reference.lastIndexOf('.');
        return dot > 0 && contracts.find(reference.substring(0, dot))
                .flatMap(table -> table.column(reference.substring(dot + 1)))
                .isPresent();
    }

    private static Path file(TableContract contract) {
        return Path.of(contract.layer(), contract.name() + ".yaml");
    }

    private static void require(Path file, boolean condition, String key, String problem) {
        if (!condition) {
            throw error(file, key, problem);
        }
    }

    private static InsightsException error(Path file, String key, String problem) {
        return new InsightsException(CONTRACT, "Invalid contract " + file + ": " + key + ": " + problem);
    }
}
