package org.trustinsights.sample.world;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded randomness. Every purpose draws from a stream of its own, named and keyed, so that a
 * change in one part of the trust leaves the numbers of every other part as they were. Only
 * arithmetic that Java specifies exactly is used, so a seed gives the same trust on any JVM.
 */
public final class Dice {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final SplittableRandom random;

    private Dice(long state) {
        this.random = new SplittableRandom(state);
    }

    /** The stream for one purpose, such as ("responses", sitting number). */
    public static Dice of(long seed, String purpose, long... keys) {
        long state = mix(seed + GOLDEN);
        state = mix(state ^ purpose.hashCode());
        for (long key : keys) {
            state = mix(state + key * GOLDEN);
        }
        return new Dice(state);
    }

    public double uniform() {
        return random.nextDouble();
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A whole number from low to high, both included. */
    public int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    public double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** A normal draw by the Box-Muller method, with StrictMath so every JVM agrees. */
    public double gaussian(double mean, double deviation) {
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - random.nextDouble()));
        double angle = 2.0 * StrictMath.PI * random.nextDouble();
        return mean + deviation * radius * StrictMath.cos(angle);
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The index drawn with probability proportional to its weight. */
    public int weighted(double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        for (int index = 0; index < weights.length - 1; index++) {
            point -= weights[index];
            if (point < 0) {
                return index;
            }
        }
        return weights.length - 1;
    }

    /** Up to count values, in random order, each at most once. */
    public <T> List<T> sample(List<T> values, int count) {
        List<T> pool = new ArrayList<>(values);
        int taken = Math.min(count, pool.size());
        for (int index = 0; index < taken; index++) {
            int swap = index + random.nextInt(pool.size() - index);
            T value = pool.get(swap);
            pool.set(swap, pool.get(index));
            pool.set(index, value);
        }
        return List.copyOf(pool.subList(0, taken));
    }

    public <T> List<T> shuffle(List<T> values) {
        return sample(values, values.size());
    }

    public LocalDate dateBetween(LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last);
        return first.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
    }

    /** A Monday to Friday between the two dates; the first date when none lies between. */
    public LocalDate weekdayBetween(LocalDate first, LocalDate last) {
        LocalDate date = dateBetween(first, last);
        while (isWeekend(date) && date.isAfter(first)) {
            date = date.minusDays(1);
        }
        return date;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static long mix(long value) {
        long mixed = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
        return mixed ^ (mixed >>> 31);
    }
}
