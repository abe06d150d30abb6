package org.trustinsights.sample.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * School cultures that bend self-ratings. About a quarter of the schools over-rate two
 * behaviours (a blind spot at school level: their leaders rate themselves about a scale point
 * above what others see); schools with a blind spot share one of two patterns. About one school
 * in eight under-rates one behaviour: a hidden strength.
 */
public final class Cultures {

    static final double BLIND_SPOT_SHIFT = 1.2;
    static final double HIDDEN_STRENGTH_SHIFT = -1.0;

    private final Map<Integer, List<Integer>> blindSpots = new HashMap<>();
    private final Map<Integer, List<Integer>> hiddenStrengths = new HashMap<>();
    private final Map<Integer, double[]> shifts = new HashMap<>();

    Cultures(long seed, List<School> schools, int behaviourCount) {
        Dice dice = Dice.of(seed, "cultures");
        List<Integer> behaviours = behaviours(behaviourCount);
        List<List<Integer>> patterns = List.of(dice.sample(behaviours, 2),
                dice.sample(behaviours, 2));
        List<School> shuffled = dice.shuffle(schools);

        int blind = Math.max(1, (int) Math.round(0.25 * schools.size()));
        int hidden = schools.size() < 3 ? 0 : Math.max(1, (int) Math.round(0.12 * schools.size()));
        for (int number = 0; number < blind; number++) {
            blindSpots.put(shuffled.get(number).index(), patterns.get(number % patterns.size()));
        }
        for (int number = blind; number < Math.min(schools.size(), blind + hidden); number++) {
            hiddenStrengths.put(shuffled.get(number).index(), dice.sample(behaviours, 1));
        }
        schools.forEach(school -> shifts.put(school.index(), shifts(school, behaviourCount)));
    }

    /** The behaviours the school's leaders over-rate; empty for most schools. */
    public List<Integer> blindSpots(School school) {
        return blindSpots.getOrDefault(school.index(), List.of());
    }

    /** The behaviours the school's leaders under-rate; empty for most schools. */
    public List<Integer> hiddenStrengths(School school) {
        return hiddenStrengths.getOrDefault(school.index(), List.of());
    }

    /** How far the school's culture lifts its leaders' self-ratings of a behaviour. */
    public double selfShift(School school, int behaviour) {
        return shifts.get(school.index())[behaviour];
    }

    private double[] shifts(School school, int behaviourCount) {
        double[] shift = new double[behaviourCount];
        blindSpots(school).forEach(behaviour -> shift[behaviour] = BLIND_SPOT_SHIFT);
        hiddenStrengths(school).forEach(behaviour -> shift[behaviour] = HIDDEN_STRENGTH_SHIFT);
        return shift;
    }

    private static List<Integer> behaviours(int count) {
        List<Integer> behaviours = new ArrayList<>();
        for (int behaviour = 0; behaviour < count; behaviour++) {
            behaviours.add(behaviour);
        }
        return behaviours;
    }
}
