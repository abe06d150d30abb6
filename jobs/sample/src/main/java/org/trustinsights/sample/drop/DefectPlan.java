package org.trustinsights.sample.drop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.trustinsights.config.AcademicYear;
import org.trustinsights.sample.world.Dice;
import org.trustinsights.sample.world.SampleTrust;
import org.trustinsights.sample.world.School;
import org.trustinsights.sample.world.Sitting;
import org.trustinsights.sample.world.StaffStore;
import org.trustinsights.sample.world.TrustSettings;

/**
 * Which records of which drops get a defect, drawn before anything is written. A record is
 * named by its drop and its place among the drop's records as generated. The number of each
 * kind grows gently with size: 1.5 × log10(leaders × years), so 4 at the default scale.
 */
public final class DefectPlan {

    /** One record to spoil; {@code salt} picks among the forms the defect may take. */
    record Target(DefectKind kind, int ordinal, long salt) {}

    private record Candidate(DropKey drop, int records) {}

    /** Where a defect can sit. */
    private enum Place {
        STAFF_FILE,
        STAFF_TABLE,
        ATTENDANCE,
        MENTORING,
        RESPONSES
    }

    private static final int ATTEMPTS = 20;

    private final Map<DropKey, List<Target>> targets;

    private DefectPlan(Map<DropKey, List<Target>> targets) {
        this.targets = targets;
    }

    public static DefectPlan none() {
        return new DefectPlan(Map.of());
    }

    public static int perKind(TrustSettings settings) {
        double size = (double) settings.leaderCount() * settings.yearCount();
        return Math.max(1, (int) Math.round(1.5 * Math.log10(size)));
    }

    public static DefectPlan draw(SampleTrust trust) {
        Dice dice = Dice.of(trust.settings().seed(), "defects");
        Map<Place, List<Candidate>> drops = candidates(trust);
        Map<DropKey, List<Target>> targets = new HashMap<>();
        Set<String> taken = new HashSet<>();

        for (DefectKind kind : DefectKind.values()) {
            List<Place> places = places(kind);
            for (int number = 0; number < perKind(trust.settings()); number++) {
                List<Candidate> pool = firstNonEmpty(drops, places, number);
                if (!pool.isEmpty()) {
                    aim(kind, dice.pick(pool), dice, targets, taken);
                }
            }
        }
        targets.values().forEach(list -> list.sort(Comparator.comparingInt(Target::ordinal)));
        return new DefectPlan(targets);
    }

    /** The targets in one drop, by place; empty for most drops. */
    List<Target> targets(DropKey drop) {
        return targets.getOrDefault(drop, List.of());
    }

    private static void aim(DefectKind kind, Candidate candidate, Dice dice,
            Map<DropKey, List<Target>> targets, Set<String> taken) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int ordinal = dice.between(0, candidate.records() - 1);
            if (taken.add(candidate.drop() + "#" + ordinal)) {
                targets.computeIfAbsent(candidate.drop(), drop -> new ArrayList<>())
                        .add(new Target(kind, ordinal, dice.between(0, Integer.MAX_VALUE - 1)));
                return;
            }
        }
    }

    /** Where each kind is seeded, taking the places in turn. */
    private static List<Place> places(DefectKind kind) {
        return switch (kind) {
            case DUPLICATE_ROW -> List.of(Place.STAFF_FILE, Place.ATTENDANCE, Place.MENTORING);
            case UNKNOWN_SCHOOL_URN -> List.of(Place.MENTORING);
            case SCORE_OUT_OF_SCALE -> List.of(Place.RESPONSES);
            case MALFORMED_DATE -> List.of(Place.STAFF_FILE);
            case MISSING_KEY -> List.of(Place.STAFF_FILE, Place.RESPONSES, Place.STAFF_TABLE);
        };
    }

    private static List<Candidate> firstNonEmpty(Map<Place, List<Candidate>> drops,
            List<Place> places, int number) {
        for (int turn = 0; turn < places.size(); turn++) {
            Place place = places.get((number + turn) % places.size());
            List<Candidate> pool = drops.getOrDefault(place, List.of());
            if (!pool.isEmpty()) {
                return pool;
            }
        }
        return List.of();
    }

    private static Map<Place, List<Candidate>> candidates(SampleTrust trust) {
        Map<Place, List<Candidate>> drops = new HashMap<>();
        int items = trust.framework().behaviourCount();
        for (School school : trust.schools()) {
            int spells = trust.staff(school).stream()
                    .mapToInt(member -> member.spells().size())
                    .sum();
            Place staff = school.staffStore() == StaffStore.FILES
                    ? Place.STAFF_FILE : Place.STAFF_TABLE;
            add(drops, staff, new DropKey(school.urn(), Entity.MIS_STAFF, null), spells);
            for (AcademicYear year : trust.years(school)) {
                int answers = trust.sittings(school, year).stream()
                        .mapToInt(Sitting::answeredRaters)
                        .sum();
                add(drops, Place.RESPONSES,
                        new DropKey(school.urn(), Entity.DIAGNOSTICS_RESPONSES, year),
                        answers * items);
                add(drops, Place.ATTENDANCE, new DropKey(school.urn(), Entity.CPD_ATTENDANCE, year),
                        trust.bookings(school, year).size());
                add(drops, Place.MENTORING,
                        new DropKey(school.urn(), Entity.MENTORING_RELATIONSHIPS, year),
                        trust.mentoring(school, year).size());
            }
        }
        return drops;
    }

    private static void add(Map<Place, List<Candidate>> drops, Place place, DropKey drop,
            int records) {
        if (records > 0) {
            drops.computeIfAbsent(place, key -> new ArrayList<>())
                    .add(new Candidate(drop, records));
        }
    }
}
