package org.trustinsights.sample.drop;

/**
 * A record of a CSV drop or table, as text in column order (null for an empty value), with the
 * defect it carries, if any. A duplicate points at the row it copies.
 */
final class Row {

    private final String[] values;
    private DefectKind defect;
    private String reason;
    private Row original;

    Row(String[] values) {
        this.values = values.clone();
    }

    String[] values() {
        return values.clone();
    }

    String value(int column) {
        return values[column];
    }

    void set(int column, String value) {
        values[column] = value;
    }

    DefectKind defect() {
        return defect;
    }

    String reason() {
        return reason;
    }

    Row original() {
        return original;
    }

    void spoil(DefectKind kind, String why) {
        this.defect = kind;
        this.reason = why;
    }

    Row duplicate() {
        Row copy = new Row(values);
        copy.spoil(DefectKind.DUPLICATE_ROW, "exact duplicate of an earlier line");
        copy.original = this;
        return copy;
    }
}
