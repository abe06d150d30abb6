package org.trustinsights.warehouse.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.trustinsights.config.Quality;
import org.trustinsights.contract.Column;
import org.trustinsights.contract.ColumnRules;
import org.trustinsights.contract.ColumnType;
import org.trustinsights.contract.RowRule;
import org.trustinsights.contract.RowRule.Level;
import org.trustinsights.contract.TableContract;
import org.trustinsights.warehouse.quality.QualityCheck.Kind;

/**
 * The checks a table contract implies: completeness of its non-null columns, uniqueness of its
 * primary key and unique columns, allowed values, ranges, patterns, references and its row
 * rules, all at error level but for references and row rules written as warnings. Silver tables also follow
 * their size, the completeness of their nullable columns and the mean of bounded scores
 * against earlier good runs.
 */
public final class ContractChecks {

    private ContractChecks() {}

    public static List<QualityCheck> of(TableContract contract, Quality quality) {
        String table = contract.table();
        List<QualityCheck> checks = new ArrayList<>();
        for (Column column : contract.columns()) {
            String name = column.name();
            ColumnRules rules = column.rules();
            if (!column.isNullable()) {
                checks.add(error(table, name + "_complete", Kind.COMPLETENESS, new QualityCheck.Complete(name)));
            }
            if (rules.isUnique() && !contract.primaryKey().equals(List.of(name))) {
                checks.add(error(table, name + "_unique", Kind.UNIQUENESS, new QualityCheck.Unique(List.of(name))));
            }
            if (!rules.allowed().isEmpty()) {
                checks.add(error(table, name + "_allowed", Kind.ALLOWED_VALUES,
                        new QualityCheck.Allowed(name, rules.allowed())));
            }
            if (rules.min() != null || rules.max() != null) {
                checks.add(error(table, name + "_in_range", Kind.RANGE,
                        new QualityCheck.Satisfies(range(column), List.of(name))));
            }
            if (rules.pattern() != null) {
                checks.add(error(table, name + "_pattern", Kind.PATTERN, new QualityCheck.Satisfies(
                        name + " IS NULL OR " + name + " RLIKE " + literal(rules.pattern()), List.of(name))));
            }
            if (rules.references() != null) {
                String[] target = rules.references().split("\\.");
                String referenced = target[0] + "." + target[1];
                checks.add(new QualityCheck(table, name + "_references_" + target[1], Kind.REFERENCE,
                        rules.referenceLevel(), new QualityCheck.References(name, referenced, target[2])));
            }
        }
        if (!contract.primaryKey().isEmpty()) {
            checks.add(error(table, "primary_key_unique", Kind.UNIQUENESS,
                    new QualityCheck.Unique(contract.primaryKey())));
        }
        for (RowRule rule : contract.rules()) {
            checks.add(new QualityCheck(table, rule.name(), Kind.ROW_RULE, rule.level(),
                    new QualityCheck.Satisfies(rule.condition(), List.of())));
        }
        if (contract.layer().equals("silver")) {
            checks.addAll(anomalies(contract, quality));
        }
        return List.copyOf(checks);
    }

    /** One check per reason the extract can refuse a record, for a landing table's new loads. */
    public static List<QualityCheck> rejects(TableContract landing) {
        return Arrays.stream(RejectReason.values())
                .map(reason -> new QualityCheck(landing.table(), reason.checkName(), Kind.REJECTS, Level.WARNING,
                        new QualityCheck.Rejected(reason)))
                .toList();
    }

    private static List<QualityCheck> anomalies(TableContract contract, Quality quality) {
        String table = contract.table();
        List<QualityCheck> checks = new ArrayList<>();
        checks.add(error(table, "row_count_drop", Kind.ANOMALY,
                new QualityCheck.Anomaly(QualityCheck.Measure.SIZE, null, 1 - quality.maxRowDrop())));
        for (Column column : contract.columns()) {
            if (column.isNullable()) {
                checks.add(new QualityCheck(table, column.name() + "_completeness_drop", Kind.ANOMALY, Level.WARNING,
                        new QualityCheck.Anomaly(QualityCheck.Measure.COMPLETENESS, column.name(),
                                quality.maxCompletenessDrop())));
            }
            if (column.type() == ColumnType.DOUBLE && column.rules().min() != null && column.rules().max() != null) {
                checks.add(new QualityCheck(table, column.name() + "_mean_change", Kind.ANOMALY, Level.WARNING,
                        new QualityCheck.Anomaly(QualityCheck.Measure.MEAN, column.name(), quality.maxMeanChange())));
            }
        }
        return checks;
    }

    private static QualityCheck error(String table, String name, Kind kind, QualityCheck.Rule rule) {
        return new QualityCheck(table, name, kind, Level.ERROR, rule);
    }

    private static String range(Column column) {
        String name = column.name();
        List<String> bounds = new ArrayList<>();
        if (column.rules().min() != null) {
            bounds.add(name + " >= " + bound(column, column.rules().min()));
        }
        if (column.rules().max() != null) {
            bounds.add(name + " <= " + bound(column, column.rules().max()));
        }
        return name + " IS NULL OR (" + String.join(" AND ", bounds) + ")";
    }

    private static String bound(Column column, String value) {
        return switch (column.type()) {
            case DATE -> "DATE" + literal(value);
            case TIMESTAMP -> "TIMESTAMP" + literal(value);
            default -> value;
        };
    }

    /** A Spark SQL string literal; backslashes and quotes are escaped as the SQL parser expects. */
    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
