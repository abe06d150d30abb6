package org.trustinsights.sample.drop;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** How values are written: ISO dates, ISO-8601 UTC timestamps to the second, empty for null. */
final class Formats {

    private Formats() {}

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Such as 2025-10-03T09:12:00Z; written by hand, as the drops hold millions of them. */
    static String timestamp(LocalDateTime time) {
        if (time == null) {
            return null;
        }
        char[] text = new char[20];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        text[19] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int offset, int value, int width) {
        for (int position = offset + width - 1; position >= offset; position--) {
            text[position] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
