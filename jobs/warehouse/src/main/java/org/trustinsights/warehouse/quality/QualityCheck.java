package org.trustinsights.warehouse.quality;

import java.util.List;

import org.trustinsights.contract.RowRule.Level;

/**
 * One data quality check on one table: what it asserts, how serious a failure is, and its name,
 * which is what a report, {@code ops.quality_results} and an error message call it.
 */
public record QualityCheck(String table, String name, Kind kind, Level level, Rule rule) {

    /** What a check looks at, as {@code ops.quality_results.check_kind} spells it. */
    public enum Kind {
        COMPLETENESS, UNIQUENESS, ALLOWED_VALUES, RANGE, PATTERN, REFERENCE, ROW_RULE, ANOMALY, REJECTS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What must hold; each kind of rule has one way to find the rows that break it. */
    public sealed interface Rule permits Complete, Unique, Allowed, Satisfies, References, Anomaly, Rejected {}

    /** The column holds no nulls. */
    public record Complete(String column) implements Rule {}

    /** No two rows share these columns' values. */
    public record Unique(List<String> columns) implements Rule {}

    /** The column's values, where present, are among these. */
    public record Allowed(String column, List<String> values) implements Rule {}

    /** A Spark SQL condition true for every good row, and the columns a failure should show. */
    public record Satisfies(String condition, List<String> columns) implements Rule {}

    /** Every non-null value of the column is a value of the referenced table's column. */
    public record References(String column, String referencedTable, String referencedColumn) implements Rule {}

    /**
     * A measure of the table against the same measure in earlier good runs: {@code SIZE} may fall
     * to no less than {@code bound} times the last figure; {@code COMPLETENESS} may fall by no
     * more than {@code bound}; {@code MEAN} may move by no more than {@code bound} either way.
     */
    public record Anomaly(Measure measure, String column, double bound) implements Rule {}

    /** Which measure an anomaly check follows. */
    public enum Measure { SIZE, COMPLETENESS, MEAN }

    /** No record of the run's loads was refused by the extract for this reason. */
    public record Rejected(RejectReason reason) implements Rule {}

    public boolean isError() {
        return level == Level.ERROR;
    }
}
