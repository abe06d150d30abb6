package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.trustinsights.config.AcademicYear;

/**
 * Each school's CPD programme for a year, about one event for every six leaders and at least
 * two, half of them on a trust priority; and who booked on what. Leaders book one to three
 * events, choosing those on their focus behaviours first; about one booking in eight is missed.
 */
final class CpdPlanner {

    static final double ATTENDING_SHARE = 0.87;
    private static final double[] HOURS = {1.5, 2.0, 3.0, 6.0};

    private final long seed;
    private final SampleFramework framework;
    private final Map<AcademicYear, List<String>> priorities;
    private final Identifiers identifiers;
    private final List<CpdEvent> events = new ArrayList<>();
    private final List<Booking> bookings = new ArrayList<>();

    CpdPlanner(long seed, SampleFramework framework, Map<AcademicYear, List<String>> priorities,
            Identifiers identifiers) {
        this.seed = seed;
        this.framework = framework;
        this.priorities = priorities;
        this.identifiers = identifiers;
    }

    void plan(Roster roster, List<School> schools, Function<Person, List<String>> focusOf) {
        for (School school : schools) {
            List<Appointment> leaders = roster.at(school);
            if (leaders.isEmpty()) {
                continue;
            }
            Dice dice = Dice.of(seed, "cpd", roster.year().startYear(), school.index());
            List<CpdEvent> programme = programme(school, roster.year(), leaders.size(), dice);
            events.addAll(programme);
            for (Appointment leader : leaders) {
                book(leader, programme, focusOf.apply(leader.person()), dice);
            }
        }
    }

    List<CpdEvent> events() {
        return events;
    }

    List<Booking> bookings() {
        return bookings;
    }

    private List<CpdEvent> programme(School school, AcademicYear year, int leaders, Dice dice) {
        int count = Math.max(2, (int) Math.round(leaders / 6.0));
        List<Draft> drafts = new ArrayList<>();
        for (int number = 0; number < count; number++) {
            drafts.add(draft(year, dice));
        }
        drafts.sort(Comparator.comparing(Draft::date));

        List<CpdEvent> programme = new ArrayList<>();
        for (Draft draft : drafts) {
            int hours = dice.between(0, HOURS.length - 1);
            programme.add(new CpdEvent(identifiers.nextEventId(), school, year,
                    draft.format() + ": " + framework.behaviour(draft.behaviours().get(0)).name(),
                    draft.date(), dice.pick(Vocabulary.PROVIDERS), draft.behaviours(), HOURS[hours],
                    draft.date().minusDays(dice.between(14, 60)).atTime(dice.between(8, 17),
                            dice.between(0, 59), dice.between(0, 59))));
        }
        return programme;
    }

    private record Draft(LocalDate date, String format, List<String> behaviours) {}

    private Draft draft(AcademicYear year, Dice dice) {
        List<String> yearPriorities = priorities.getOrDefault(year, List.of());
        String first = !yearPriorities.isEmpty() && dice.chance(0.5)
                ? dice.pick(yearPriorities) : dice.pick(framework.behaviours()).code();
        List<String> behaviours = new ArrayList<>(List.of(first));
        String second = dice.pick(framework.behaviours()).code();
        if (dice.chance(0.4) && !second.equals(first)) {
            behaviours.add(second);
        }
        LocalDate date = dice.weekdayBetween(LocalDate.of(year.startYear(), 10, 1),
                LocalDate.of(year.startYear() + 1, 6, 30));
        return new Draft(date, dice.pick(Vocabulary.EVENT_FORMATS), behaviours);
    }

    private void book(Appointment leader, List<CpdEvent> programme, List<String> focus, Dice dice) {
        int count = dice.weighted(0.15, 0.4, 0.3, 0.15);
        double[] appeal = new double[programme.size()];
        for (int number = 0; number < programme.size(); number++) {
            long matches = programme.get(number).behaviours().stream()
                    .filter(focus::contains)
                    .count();
            appeal[number] = matches + dice.uniform();
        }
        List<Integer> order = new ArrayList<>();
        for (int number = 0; number < programme.size(); number++) {
            order.add(number);
        }
        order.sort(Comparator.comparingDouble((Integer number) -> -appeal[number])
                .thenComparing(number -> number));

        for (int number : order.subList(0, Math.min(count, order.size()))) {
            CpdEvent event = programme.get(number);
            boolean attended = dice.chance(ATTENDING_SHARE);
            LocalDate day = attended ? event.date() : event.date().plusDays(1);
            bookings.add(new Booking(event, leader.member(), attended,
                    day.atTime(attended ? 17 : 9, dice.between(0, 59), dice.between(0, 59))));
        }
    }
}
