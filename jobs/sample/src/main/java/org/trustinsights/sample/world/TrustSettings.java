package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.trustinsights.config.AcademicYear;

/**
 * What to simulate: the seed, how many schools and leadership posts, and which academic years
 * (the {@code yearCount} years up to the one starting in September of {@code lastYear}).
 */
public record TrustSettings(
        long seed,
        int schoolCount,
        int leaderCount,
        int yearCount,
        int lastYear) {

    public static final int SCHOOLS_PER_EXECUTIVE_HEAD = 10;
    public static final int FEWEST_POSTS_PER_SCHOOL = 5;
    /** Mentees a mentor takes at once, as trust.yaml says. */
    public static final int MENTORING_CAPACITY = 2;

    public TrustSettings {
        if (schoolCount < 1 || yearCount < 1) {
            throw new IllegalArgumentException("Cannot simulate a trust: need a school and a year,"
                    + " got " + schoolCount + " schools and " + yearCount + " years");
        }
        if (leaderCount < fewestLeaders(schoolCount)) {
            throw new IllegalArgumentException("Cannot simulate a trust: " + leaderCount
                    + " leaders are too few for " + schoolCount + " schools");
        }
    }

    /** Five posts per school and the executive heads. */
    public static int fewestLeaders(int schoolCount) {
        return FEWEST_POSTS_PER_SCHOOL * schoolCount + executiveHeads(schoolCount);
    }

    public static int executiveHeads(int schoolCount) {
        return (schoolCount + SCHOOLS_PER_EXECUTIVE_HEAD - 1) / SCHOOLS_PER_EXECUTIVE_HEAD;
    }

    public List<AcademicYear> years() {
        List<AcademicYear> years = new ArrayList<>();
        for (int start = lastYear - yearCount + 1; start <= lastYear; start++) {
            years.add(new AcademicYear(start));
        }
        return List.copyOf(years);
    }

    public AcademicYear firstYear() {
        return new AcademicYear(lastYear - yearCount + 1);
    }

    public AcademicYear finalYear() {
        return new AcademicYear(lastYear);
    }

    /** The day the data is taken: the last day of the final academic year. */
    public LocalDate asOf() {
        return finalYear().lastDay();
    }
}
