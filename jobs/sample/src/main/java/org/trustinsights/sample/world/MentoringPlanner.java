package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.trustinsights.config.AcademicYear;

/**
 * Mentoring across the trust: about one leader in eight a year is paired with a mentor on one
 * behaviour, usually one of their focus behaviours. The mentor is strong in it, at the mentee's
 * level or above, not their line manager, usually at another school, and has at most two mentees
 * a year. In the final year about half the relationships are still active.
 */
final class MentoringPlanner {

    static final double MENTEE_SHARE = 0.12;
    static final double OTHER_SCHOOL_SHARE = 0.85;
    private static final int CANDIDATES = 40;

    private final TrustSettings settings;
    private final SampleFramework framework;
    private final Identifiers identifiers;
    private final List<Mentoring> relationships = new ArrayList<>();

    MentoringPlanner(TrustSettings settings, SampleFramework framework, Identifiers identifiers) {
        this.settings = settings;
        this.framework = framework;
        this.identifiers = identifiers;
    }

    void plan(Roster roster, Function<Person, List<String>> focusOf) {
        Dice dice = Dice.of(settings.seed(), "mentoring", roster.year().startYear());
        Map<Integer, Integer> load = new HashMap<>();
        for (Appointment mentee : roster.appointments()) {
            if (dice.chance(MENTEE_SHARE)) {
                String behaviour = need(mentee.person(), focusOf.apply(mentee.person()), dice);
                Appointment mentor = mentor(roster, mentee, behaviour, load, dice);
                if (mentor != null) {
                    load.merge(mentor.person().index(), 1, Integer::sum);
                    relationships.add(relationship(roster.year(), mentor, mentee, behaviour, dice));
                }
            }
        }
    }

    List<Mentoring> relationships() {
        return relationships;
    }

    private String need(Person person, List<String> focus, Dice dice) {
        if (!focus.isEmpty()) {
            return dice.pick(focus);
        }
        return framework.behaviours().stream()
                .min(Comparator.comparingDouble(behaviour -> person.strength(behaviour.index())))
                .orElseThrow()
                .code();
    }

    private Appointment mentor(Roster roster, Appointment mentee, String code,
            Map<Integer, Integer> load, Dice dice) {
        int behaviour = framework.behaviour(code).index();
        Post managerPost = mentee.post().manager();
        Appointment manager = managerPost == null ? null : roster.at(managerPost);
        boolean elsewhere = dice.chance(OTHER_SCHOOL_SHARE);
        return dice.sample(roster.appointments(), CANDIDATES).stream()
                .filter(candidate -> candidate.person() != mentee.person() && candidate != manager)
                .filter(candidate -> candidate.level().ordinal() >= mentee.level().ordinal())
                .filter(candidate -> load.getOrDefault(candidate.person().index(), 0)
                        < TrustSettings.MENTORING_CAPACITY)
                .filter(candidate -> elsewhere != candidate.school().equals(mentee.school()))
                .max(Comparator.comparingDouble(
                        candidate -> candidate.person().strength(behaviour)))
                .orElse(null);
    }

    private Mentoring relationship(AcademicYear year, Appointment mentor, Appointment mentee,
            String behaviour, Dice dice) {
        LocalDate start = dice.weekdayBetween(LocalDate.of(year.startYear(), 10, 1),
                LocalDate.of(year.startYear() + 1, 3, 31));
        LocalDate planned = start.plusDays(dice.between(90, 240));
        LocalDate summer = LocalDate.of(year.startYear() + 1, 7, 21);
        LocalDate end = planned.isAfter(summer) ? summer : planned;
        if (year.equals(settings.finalYear()) && dice.chance(0.5)) {
            end = null;
        }

        LocalDate touched = end != null ? end : start.plusDays(dice.between(3, 20));
        return new Mentoring(identifiers.nextRelationshipId(), mentor.member(), mentee.member(),
                behaviour, year, start, end,
                touched.atTime(dice.between(9, 17), dice.between(0, 59), dice.between(0, 59)));
    }
}
