package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the trust's leaders: names, platform ids, a teacher reference number for most, a true
 * strength in each behaviour, a way of seeing themselves, and the qualifications they arrive
 * with. About 15 % over-estimate themselves and 10 % under-estimate.
 */
final class People {

    static final double MISSING_TRN_SHARE = 0.10;
    private static final long TRN_STEP = 7_654_321L;
    private static final int TRN_RANGE = 9_000_000;

    private final long seed;
    private final int behaviourCount;
    private final List<Person> people = new ArrayList<>();

    People(long seed, int behaviourCount) {
        this.seed = seed;
        this.behaviourCount = behaviourCount;
    }

    Person hire(RoleLevel level, LocalDate hiredOn) {
        int index = people.size() + 1;
        Dice dice = Dice.of(seed, "person", index);
        SelfView selfView = SelfView.values()[dice.weighted(0.75, 0.15, 0.10)];

        Person person = new Person(index, "P" + (100_000 + index), Raters.id(seed, index),
                dice.pick(Vocabulary.GIVEN_NAMES), dice.pick(Vocabulary.FAMILY_NAMES),
                dice.chance(MISSING_TRN_SHARE) ? null : trn(index),
                selfView, selfBias(selfView, dice), strengths(level, dice));
        arriveQualified(person, level, hiredOn, dice);
        people.add(person);
        return person;
    }

    List<Person> all() {
        return List.copyOf(people);
    }

    /** Seven digits, different for every leader: the step is prime to the range. */
    private String trn(int index) {
        long offset = Math.floorMod(seed, TRN_RANGE);
        return String.valueOf(1_000_000 + Math.floorMod(index * TRN_STEP + offset, TRN_RANGE));
    }

    private double[] selfBias(SelfView selfView, Dice dice) {
        double usual = switch (selfView) {
            case IN_LINE -> dice.gaussian(0.1, 0.12);
            case OVER_ESTIMATOR -> dice.gaussian(1.0, 0.12);
            case UNDER_ESTIMATOR -> dice.gaussian(-0.9, 0.12);
        };
        double[] bias = new double[behaviourCount];
        for (int behaviour = 0; behaviour < behaviourCount; behaviour++) {
            bias[behaviour] = usual + dice.gaussian(0, 0.15);
        }
        return bias;
    }

    /** Overall ability, a little higher up the levels, plus a profile over the framework. */
    private double[] strengths(RoleLevel level, Dice dice) {
        double overall = dice.gaussian(3.1, 0.35) + 0.08 * level.ordinal();
        double[] domainShift = {dice.gaussian(0, 0.2), dice.gaussian(0, 0.2), dice.gaussian(0, 0.2),
            dice.gaussian(0, 0.2), dice.gaussian(0, 0.2)};
        double[] strengths = new double[behaviourCount];
        for (int behaviour = 0; behaviour < behaviourCount; behaviour++) {
            double domain = domainShift[behaviour * domainShift.length / behaviourCount];
            double strength = overall + domain + dice.gaussian(0, 0.35);
            strengths[behaviour] = Math.max(1.4, Math.min(4.6, strength));
        }
        return strengths;
    }

    private static void arriveQualified(Person person, RoleLevel level, LocalDate hiredOn,
            Dice dice) {
        double[] chances = switch (level) {
            case MIDDLE_LEADER -> new double[] {0.25, 0, 0, 0};
            case ASSISTANT_HEAD -> new double[] {0.3, 0.45, 0, 0};
            case DEPUTY_HEAD -> new double[] {0.3, 0.6, 0.35, 0};
            case HEADTEACHER -> new double[] {0.2, 0.4, 0.75, 0};
            case EXECUTIVE_HEAD -> new double[] {0.1, 0.3, 0.85, 0.5};
        };
        for (int code = 0; code < chances.length; code++) {
            if (dice.chance(chances[code])) {
                LocalDate awarded = hiredOn.minusDays(dice.between(60, 2000));
                person.qualify(Qualification.CODES.get(code), awarded);
            }
        }
    }

    /** The qualification a leader at this level works towards. */
    static String qualificationFor(RoleLevel level) {
        return switch (level) {
            case MIDDLE_LEADER -> "NPQML";
            case ASSISTANT_HEAD -> "NPQSL";
            case DEPUTY_HEAD, HEADTEACHER -> "NPQH";
            case EXECUTIVE_HEAD -> "NPQEL";
        };
    }
}
