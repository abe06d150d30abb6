package org.trustinsights.config;

import static java.util.Objects.requireNonNullElse;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The school calendar: academic years run from 1 September to 31 August; headcounts are taken
 * on the census date ({@code "MM-DD"}, 1 November by default); reports start at
 * {@code firstAcademicYear}.
 */
public record Calendar(String censusDate, String firstAcademicYear) {

    public static final String DEFAULT_CENSUS_DATE = "11-01";

    public Calendar {
        censusDate = requireNonNullElse(censusDate, DEFAULT_CENSUS_DATE);
    }

    public static Calendar defaults() {
        return new Calendar(null, null);
    }

    public MonthDay census() {
        return MonthDay.parse("--" + censusDate);
    }

    /** The census day that falls within the given academic year. */
    public LocalDate censusDay(AcademicYear year) {
        MonthDay census = census();
        int calendarYear = census.getMonthValue() >= 9 ? year.startYear() : year.startYear() + 1;
        return census.atYear(calendarYear);
    }
}
