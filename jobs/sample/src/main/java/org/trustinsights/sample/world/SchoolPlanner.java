package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.trustinsights.config.AcademicYear;

/**
 * Plans the trust's schools: names, phases, regions, when each joined and how its MIS hands
 * over staff. A few schools joined on the first day of the final year; the others joined before
 * the first.
 */
final class SchoolPlanner {

    static final int FIRST_URN = 140101;
    static final double LATE_JOINER_SHARE = 0.15;

    private final TrustSettings settings;
    private final Dice dice;

    SchoolPlanner(TrustSettings settings) {
        this.settings = settings;
        this.dice = Dice.of(settings.seed(), "schools");
    }

    List<School> plan() {
        int count = settings.schoolCount();
        List<String> places = places(count);
        Set<Integer> lateJoiners = lateJoiners(count);
        Set<Integer> databaseSchools = databaseSchools(count);

        List<School> schools = new ArrayList<>();
        int urn = FIRST_URN;
        for (int index = 0; index < count; index++) {
            Phase phase = index == 0 ? Phase.PRIMARY : phase();
            String place = places.get(index);
            schools.add(new School(index, urn, place + " " + phase.nameSuffix(), phase,
                    index == 0 ? "North" : dice.pick(Vocabulary.REGIONS),
                    lateJoiners.contains(index) ? settings.finalYear().firstDay() : joinedBefore(),
                    domain(place, phase),
                    databaseSchools.contains(index) ? StaffStore.DATABASE : StaffStore.FILES,
                    index / TrustSettings.SCHOOLS_PER_EXECUTIVE_HEAD));
            urn += dice.between(1, 37);
        }
        return List.copyOf(schools);
    }

    private Phase phase() {
        return Phase.values()[dice.weighted(0.58, 0.25, 0.05, 0.07, 0.05)];
    }

    private List<String> places(int count) {
        Set<String> used = new HashSet<>(List.of(Vocabulary.FIRST_PLACE));
        List<String> places = new ArrayList<>(List.of(Vocabulary.FIRST_PLACE));
        while (places.size() < count) {
            String place = String.format(dice.pick(Vocabulary.PLACE_VARIANTS),
                    dice.pick(Vocabulary.PLACE_STARTS) + dice.pick(Vocabulary.PLACE_ENDS));
            if (used.add(place)) {
                places.add(place);
            }
        }
        return places;
    }

    /** Never the first school, which anchors the trust and its first executive head. */
    private Set<Integer> lateJoiners(int count) {
        if (count < 3 || settings.yearCount() < 2) {
            return Set.of();
        }
        int late = Math.max(1, (int) Math.round(LATE_JOINER_SHARE * count));
        return new HashSet<>(dice.sample(otherThanFirst(count), late));
    }

    /** About half the schools, never the first. */
    private Set<Integer> databaseSchools(int count) {
        return new HashSet<>(dice.sample(otherThanFirst(count), count / 2));
    }

    private static List<Integer> otherThanFirst(int count) {
        List<Integer> indexes = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            indexes.add(index);
        }
        return indexes;
    }

    private LocalDate joinedBefore() {
        int yearsBefore = dice.between(1, 12);
        AcademicYear year = new AcademicYear(settings.firstYear().startYear() - yearsBefore);
        return switch (dice.weighted(0.7, 0.15, 0.15)) {
            case 0 -> year.firstDay();
            case 1 -> LocalDate.of(year.startYear() + 1, 1, 1);
            default -> LocalDate.of(year.startYear() + 1, 4, 1);
        };
    }

    private static String domain(String place, Phase phase) {
        String letters = place.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return letters + phase.domainSuffix() + ".org.uk";
    }
}
