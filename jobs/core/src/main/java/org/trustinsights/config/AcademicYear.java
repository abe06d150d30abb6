package org.trustinsights.config;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** An English academic year, 1 September to 31 August, written "2024/25". */
public record AcademicYear(int startYear) implements Comparable<AcademicYear> {

    private static final Pattern FORMAT = Pattern.compile("^([0-9]{4})/([0-9]{2})$");

    public static AcademicYear of(LocalDate date) {
        return new AcademicYear(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
    }

    /** Parses "2024/25"; the second part must be the year after the first. */
    public static AcademicYear parse(String text) {
        var matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an academic year like 2024/25");
        }
        int start = Integer.parseInt(matcher.group(1));
        if ((start + 1) % 100 != Integer.parseInt(matcher.group(2))) {
            throw new IllegalArgumentException("'" + text + "' is not an academic year: "
                    + matcher.group(2) + " does not follow " + start);
        }
        return new AcademicYear(start);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 9, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 8, 31);
    }

    public AcademicYear next() {
        return new AcademicYear(startYear + 1);
    }

    @Override
    public int compareTo(AcademicYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return String.format("%d/%02d", startYear, (startYear + 1) % 100);
    }
}
