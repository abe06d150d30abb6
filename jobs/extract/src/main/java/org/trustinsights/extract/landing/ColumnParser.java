package org.trustinsights.extract.landing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.trustinsights.contract.Column;

/**
 * Turns a source's text into the value one contract column holds, or says in words why it
 * cannot. Dates are ISO (yyyy-MM-dd); timestamps ISO-8601, read as UTC when no offset is given.
 * The column's rules are compiled once, and the last date or timestamp read is remembered, as
 * a load repeats the same ones row after row.
 */
final class ColumnParser {

    /** The outcome of typing one field: a value (possibly null) or the reason it failed. */
    record Typed(Object value, String problem) {

        static Typed of(Object value) {
            return new Typed(value, null);
        }

        static Typed failed(String problem) {
            return new Typed(null, problem);
        }

        boolean failed() {
            return problem != null;
        }
    }

    private final Column column;
    private final Set<String> allowed;
    private final Pattern pattern;
    private final Double min;
    private final Double max;
    private String lastText;
    private Object lastValue;

    ColumnParser(Column column) {
        this.column = column;
        this.allowed = Set.copyOf(column.rules().allowed());
        this.pattern = column.rules().pattern() == null ? null : Pattern.compile(column.rules().pattern());
        this.min = bound(column, column.rules().min());
        this.max = bound(column, column.rules().max());
    }

    Column column() {
        return column;
    }

    private static Double bound(Column column, String bound) {
        return column.type().isNumeric() && bound != null ? Double.valueOf(bound) : null;
    }

    Typed parse(String text) {
        if (text == null || text.isEmpty()) {
            return column.isNullable() ? Typed.of(null) : Typed.failed(column.name() + " is empty but required");
        }
        try {
            return checkRules(value(text), text);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Typed.failed(shown(text) + " is not " + article());
        }
    }

    /** Checks a value that already has its type (as a JDBC driver returns it). */
    Typed accept(Object value) {
        if (value == null) {
            return column.isNullable() ? Typed.of(null) : Typed.failed(column.name() + " is empty but required");
        }
        return checkRules(value, String.valueOf(value));
    }

    private Object value(String text) {
        switch (column.type()) {
            case STRING:
                return text;
            case INT:
                return Integer.parseInt(text.strip());
            case LONG:
                return Long.parseLong(text.strip());
            case DOUBLE:
                return Double.parseDouble(text.strip());
            case BOOLEAN:
                return parseBoolean(text.strip());
            default:
                if (text.equals(lastText)) {
                    return lastValue;
                }
                Object value = column.type() == org.trustinsights.contract.ColumnType.DATE
                        ? LocalDate.parse(text.strip()) : parseTimestamp(text.strip());
                lastText = text;
                lastValue = value;
                return value;
        }
    }

    private Typed checkRules(Object value, String text) {
        if (!allowed.isEmpty() && !allowed.contains(String.valueOf(value))) {
            return Typed.failed(shown(text) + " is not one of " + column.rules().allowed());
        }
        if (pattern != null && value instanceof String string && !pattern.matcher(string).matches()) {
            return Typed.failed(shown(text) + " does not match " + column.rules().pattern());
        }
        if (value instanceof Number number && (min != null || max != null)) {
            double amount = number.doubleValue();
            if (min != null && amount < min || max != null && amount > max) {
                return Typed.failed(shown(text.strip()) + " is outside " + column.rules().min() + ".."
                        + column.rules().max());
            }
        }
        return Typed.of(value);
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default -> throw new NumberFormatException(text);
        };
    }

    private static Instant parseTimestamp(String text) {
        if (text.endsWith("Z")) {
            return Instant.parse(text);
        }
        if (text.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    private String article() {
        return switch (column.type()) {
            case INT, LONG -> "a whole number";
            case DOUBLE -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date (yyyy-MM-dd)";
            case TIMESTAMP -> "a timestamp (ISO-8601)";
            case STRING -> "text";
        };
    }

    /** The column and its value, or the column alone when the value would name a person. */
    private String shown(String text) {
        return column.isDirectlyPersonal() ? column.name() : column.name() + " '" + abbreviate(text) + "'";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
