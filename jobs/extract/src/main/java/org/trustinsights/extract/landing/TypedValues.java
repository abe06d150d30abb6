package org.trustinsights.extract.landing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.trustinsights.contract.Column;

/**
 * Turns a source's text into the value a contract column holds, or says in words why it
 * cannot. Dates are ISO (yyyy-MM-dd); timestamps ISO-8601, read as UTC when no offset is given.
 */
public final class TypedValues {

    private TypedValues() {}

    /** The outcome of typing one field: a value (possibly null) or the reason it failed. */
    public record Typed(Object value, String problem) {

        static Typed of(Object value) {
            return new Typed(value, null);
        }

        static Typed failed(String problem) {
            return new Typed(null, problem);
        }

        public boolean failed() {
            return problem != null;
        }
    }

    public static Typed parse(Column column, String text) {
        if (text == null || text.isEmpty()) {
            return column.isNullable() ? Typed.of(null)
                    : Typed.failed(column.name() + " is empty but required");
        }
        try {
            Object value = switch (column.type()) {
                case STRING -> text;
                case INT -> Integer.parseInt(text.strip());
                case LONG -> Long.parseLong(text.strip());
                case DOUBLE -> Double.parseDouble(text.strip());
                case BOOLEAN -> parseBoolean(text.strip());
                case DATE -> LocalDate.parse(text.strip());
                case TIMESTAMP -> parseTimestamp(text.strip());
            };
            return checkRules(column, value, text);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Typed.failed(shown(column, text) + " is not " + article(column));
        }
    }

    /** Checks a value that already has its type (as a JDBC driver returns it). */
    public static Typed accept(Column column, Object value) {
        if (value == null) {
            return column.isNullable() ? Typed.of(null)
                    : Typed.failed(column.name() + " is empty but required");
        }
        return checkRules(column, value, String.valueOf(value));
    }

    private static Typed checkRules(Column column, Object value, String text) {
        var rules = column.rules();
        if (!rules.allowed().isEmpty() && !rules.allowed().contains(String.valueOf(value))) {
            return Typed.failed(shown(column, text) + " is not one of " + rules.allowed());
        }
        if (rules.pattern() != null && value instanceof String string
                && !Pattern.compile(rules.pattern()).matcher(string).matches()) {
            return Typed.failed(shown(column, text) + " does not match " + rules.pattern());
        }
        if (value instanceof Number number && column.type().isNumeric()) {
            double amount = number.doubleValue();
            if (rules.min() != null && amount < Double.parseDouble(rules.min())
                    || rules.max() != null && amount > Double.parseDouble(rules.max())) {
                return Typed.failed(shown(column, text.strip()) + " is outside " + rules.min()
                        + ".." + rules.max());
            }
        }
        return Typed.of(value);
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default -> throw new NumberFormatException(text);
        };
    }

    private static Instant parseTimestamp(String text) {
        if (text.endsWith("Z") || text.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    private static String article(Column column) {
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
    private static String shown(Column column, String text) {
        return column.isDirectlyPersonal() ? column.name() : column.name() + " '" + abbreviate(text) + "'";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
