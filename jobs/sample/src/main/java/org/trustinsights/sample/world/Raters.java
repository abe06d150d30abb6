package org.trustinsights.sample.world;

/**
 * Platform ids of everyone who rates on the diagnostics platform: leaders (by person number),
 * the trust's chief executive and central team, and each school's teachers, who rate their
 * middle leaders as direct reports. An id stays the same wherever its person rates.
 */
final class Raters {

    static final int CHIEF_EXECUTIVE = 4_000_000;
    static final int CENTRAL_TEAM = 4_000_001;
    static final int CENTRAL_TEAM_SIZE = 6;
    private static final int TEACHERS = 5_000_000;
    private static final int TEACHERS_PER_SCHOOL = 1000;
    private static final int RANGE = 9_000_000;
    private static final long STEP = 7919;

    private Raters() {}

    /** Seven digits after "R", different for every user: the step is prime to the range. */
    static String id(long seed, long user) {
        long offset = Math.floorMod(seed, RANGE);
        return "R" + (1_000_000 + Math.floorMod(user * STEP + offset, RANGE));
    }

    static int teacher(School school, int number) {
        return TEACHERS + school.index() * TEACHERS_PER_SCHOOL + number % TEACHERS_PER_SCHOOL;
    }

    /** How kind a rater is: a steady offset on everything they rate. */
    static double leniency(long seed, long user) {
        return Dice.of(seed, "leniency", user).gaussian(0, 0.25);
    }
}
