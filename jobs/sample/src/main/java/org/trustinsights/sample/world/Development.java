package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.trustinsights.config.AcademicYear;

/**
 * Each leader's year of development: a diagnostic sitting in the autumn term (a few skip a
 * year), then one to three 90-day cycles on focus behaviours, chosen from the trust's priorities
 * and the leader's weakest behaviours. A completed cycle lifts each focus behaviour by 0.3 to 0.5
 * scale points from its completion; other behaviours drift by a few hundredths a year.
 */
final class Development {

    static final double SKIP_SHARE = 0.06;
    static final double OPEN_SHARE = 0.03;
    static final double PRIORITY_FOCUS_SHARE = 0.65;
    static final double SMALLEST_GROWTH = 0.3;
    static final double LARGEST_GROWTH = 0.5;

    private final TrustSettings settings;
    private final SampleFramework framework;
    private final Forms forms;
    private final Map<AcademicYear, List<String>> priorities;
    private final Identifiers identifiers;
    private final Set<Integer> seen = new HashSet<>();
    private final Map<Integer, Set<String>> focusThisYear = new HashMap<>();
    private final List<Sitting> sittings = new ArrayList<>();
    private final List<Cycle> cycles = new ArrayList<>();

    Development(TrustSettings settings, SampleFramework framework, Forms forms,
            Map<AcademicYear, List<String>> priorities, Identifiers identifiers) {
        this.settings = settings;
        this.framework = framework;
        this.forms = forms;
        this.priorities = priorities;
        this.identifiers = identifiers;
    }

    void plan(Roster roster) {
        focusThisYear.clear();
        roster.appointments().forEach(appointment -> plan(appointment, roster));
    }

    /** The behaviours a leader focuses on in the year planned last, in the order chosen. */
    List<String> focusOf(Person person) {
        return List.copyOf(focusThisYear.getOrDefault(person.index(), Set.of()));
    }

    List<Sitting> sittings() {
        return sittings;
    }

    List<Cycle> cycles() {
        return cycles;
    }

    private void plan(Appointment appointment, Roster roster) {
        Person person = appointment.person();
        int startYear = roster.year().startYear();
        Dice dice = Dice.of(settings.seed(), "development", startYear, person.index());
        if (!seen.add(person.index())) {
            person.drift(dice);
        }

        LocalDate sittingDate = dice.weekdayBetween(LocalDate.of(startYear, 9, 15),
                LocalDate.of(startYear, 12, 10));
        person.growBefore(sittingDate);
        boolean sits = !dice.chance(SKIP_SHARE);
        if (sits) {
            sittings.add(sitting(appointment, roster, sittingDate, dice));
        }

        LocalDate after = sits ? sittingDate : LocalDate.of(startYear, 10, 1);
        planCycles(appointment, roster.year(), after, dice);
    }

    private Sitting sitting(Appointment appointment, Roster roster, LocalDate date, Dice dice) {
        int number = identifiers.nextSittingNumber();
        boolean open = dice.chance(OPEN_SHARE);
        RaterPanel panel = new RaterPanel(roster, appointment, dice);
        List<Rater> raters = panel.choose().stream()
                .map(chosen -> rater(chosen, date, open, dice))
                .toList();

        return new Sitting(number, Identifiers.sittingId(number), appointment.member(),
                appointment.level(), roster.year(), date, forms.of(roster.year()), open, raters,
                appointment.person().strengthsNow(), updatedAt(raters, date));
    }

    private Rater rater(RaterPanel.Chosen chosen, LocalDate date, boolean open, Dice dice) {
        long seed = settings.seed();
        double leniency = chosen.role() == RaterRole.SELF
                ? 0 : Raters.leniency(seed, chosen.user());
        return new Rater(Raters.id(seed, chosen.user()), chosen.role(), leniency,
                answeredAt(date, chosen.role(), open, dice));
    }

    private static LocalDateTime answeredAt(LocalDate date, RaterRole role, boolean open,
            Dice dice) {
        boolean answers = !open || dice.chance(role == RaterRole.SELF ? 0.9 : 0.45);
        if (!answers) {
            return null;
        }
        LocalDate day = role == RaterRole.SELF ? date : date.plusDays(dice.between(1, 20));
        return day.atTime(dice.between(7, 21), dice.between(0, 59), dice.between(0, 59));
    }

    private static LocalDateTime updatedAt(List<Rater> raters, LocalDate date) {
        return raters.stream()
                .map(Rater::answeredAt)
                .filter(answered -> answered != null)
                .max(Comparator.naturalOrder())
                .map(last -> last.plusHours(1))
                .orElse(date.atTime(8, 0));
    }

    private void planCycles(Appointment appointment, AcademicYear year, LocalDate after,
            Dice dice) {
        int count = dice.weighted(0.35, 0.45, 0.2) + 1;
        boolean finalYear = year.equals(settings.finalYear());
        LocalDate lastStart = finalYear ? settings.asOf().minusDays(14)
                : LocalDate.of(year.startYear() + 1, 5, 31);

        LocalDate start = after.plusDays(dice.between(7, 35));
        for (int number = 0; number < count && !start.isAfter(lastStart); number++) {
            Cycle cycle = cycle(appointment.member(), year, start, finalYear, dice);
            cycles.add(cycle);
            if (cycle.status() == CycleStatus.ACTIVE) {
                return;
            }
            start = cycle.updatedAt().toLocalDate().plusDays(dice.between(7, 30));
        }
    }

    private Cycle cycle(StaffMember member, AcademicYear year, LocalDate start, boolean finalYear,
            Dice dice) {
        Person person = member.person();
        List<String> focus = chooseFocus(person, year, dice);
        LocalDate due = start.plusDays(Cycle.LENGTH_DAYS);

        double draw = dice.uniform();
        LocalDate end;
        CycleStatus status;
        if (draw < 0.62) {
            end = start.plusDays(dice.between(70, 90));
            status = CycleStatus.COMPLETED;
        } else if (draw < 0.77) {
            end = start.plusDays(dice.between(95, 135));
            status = CycleStatus.COMPLETED;
        } else if (draw < 0.89) {
            end = start.plusDays(dice.between(25, 80));
            status = CycleStatus.ABANDONED;
        } else {
            end = finalYear ? null : due.plusDays(dice.between(10, 60));
            status = finalYear ? CycleStatus.ACTIVE : CycleStatus.ABANDONED;
        }
        if (end != null && end.isAfter(settings.asOf())) {
            end = null;
            status = CycleStatus.ACTIVE;
        }

        List<Checkin> checkins = checkins(focus, start, end, due, status, dice);
        if (status == CycleStatus.COMPLETED) {
            for (String code : focus) {
                person.expectGrowth(new Growth(framework.behaviour(code).index(),
                        dice.between(SMALLEST_GROWTH, LARGEST_GROWTH), end));
            }
        }
        return new Cycle(identifiers.nextCycleId(), member, year, start, due,
                status == CycleStatus.COMPLETED ? end : null, status, focus,
                cycleUpdatedAt(start, end, status, checkins, dice), checkins);
    }

    /** A fresh trust priority two times in three, then the leader's weakest behaviours. */
    private List<String> chooseFocus(Person person, AcademicYear year, Dice dice) {
        int size = dice.weighted(0.25, 0.45, 0.30) + 1;
        Set<String> focused = focusThisYear.computeIfAbsent(person.index(),
                key -> new LinkedHashSet<>());
        List<String> fresh = priorities.getOrDefault(year, List.of()).stream()
                .filter(code -> !focused.contains(code))
                .toList();

        List<String> focus = new ArrayList<>();
        if (!fresh.isEmpty() && dice.chance(PRIORITY_FOCUS_SHARE)) {
            focus.add(dice.pick(fresh));
        }
        double[] seenAs = new double[framework.behaviourCount()];
        for (int behaviour = 0; behaviour < seenAs.length; behaviour++) {
            seenAs[behaviour] = person.strength(behaviour) + dice.gaussian(0, 0.3);
        }
        framework.behaviours().stream()
                .filter(behaviour -> !focused.contains(behaviour.code()))
                .filter(behaviour -> !focus.contains(behaviour.code()))
                .sorted(Comparator.comparingDouble(behaviour -> seenAs[behaviour.index()]))
                .limit(Math.max(0, size - focus.size()))
                .forEach(behaviour -> focus.add(behaviour.code()));
        focused.addAll(focus);
        return focus;
    }

    private List<Checkin> checkins(List<String> focus, LocalDate start, LocalDate end,
            LocalDate due, CycleStatus status, Dice dice) {
        int count = switch (status) {
            case COMPLETED -> dice.between(2, 4);
            case ABANDONED -> dice.between(0, 2);
            case ACTIVE -> dice.between(1, 3);
        };
        LocalDate first = start.plusDays(7);
        LocalDate last = end != null ? end : earlier(settings.asOf(), due.plusDays(20));
        long span = last.toEpochDay() - first.toEpochDay();
        if (span < 0) {
            return List.of();
        }

        List<Checkin> checkins = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            LocalDate date = first.plusDays(span * number / (count + 1));
            String code = dice.pick(focus);
            checkins.add(new Checkin(identifiers.nextCheckinId(), date, note(code, dice),
                    date.atTime(dice.between(15, 20), dice.between(0, 59), dice.between(0, 59))));
        }
        return checkins;
    }

    private String note(String code, Dice dice) {
        return framework.behaviour(code).name() + ": " + dice.pick(Vocabulary.CHECKIN_OPENINGS)
                + "; " + dice.pick(Vocabulary.CHECKIN_OUTCOMES);
    }

    private static LocalDateTime cycleUpdatedAt(LocalDate start, LocalDate end, CycleStatus status,
            List<Checkin> checkins, Dice dice) {
        LocalDate day = switch (status) {
            case COMPLETED, ABANDONED -> end;
            case ACTIVE -> checkins.isEmpty() ? start : checkins.get(checkins.size() - 1).date();
        };
        return day.atTime(dice.between(8, 18), dice.between(0, 59), dice.between(0, 59));
    }

    private static LocalDate earlier(LocalDate first, LocalDate second) {
        return first.isBefore(second) ? first : second;
    }
}
