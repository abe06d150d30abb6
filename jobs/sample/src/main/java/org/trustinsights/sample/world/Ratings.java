package org.trustinsights.sample.world;

import java.time.LocalDateTime;
import java.util.function.Consumer;

/**
 * Draws every answer of a sitting from the leader's true strengths. Others rate the strength
 * plus the item's difficulty, their own leniency and their role's habit, with noise; the leader
 * adds their self bias and their school's culture. Scores are whole numbers within the scale.
 * The draws of a sitting come from a stream of its own, so answers are the same however the
 * sittings are written.
 */
public final class Ratings {

    static final double SELF_NOISE = 0.45;
    static final double OTHERS_NOISE = 0.55;
    static final double EDITED_SHARE = 0.01;

    /** One rater's answer to one item. */
    public record Response(
            Sitting sitting,
            Rater rater,
            String itemId,
            int score,
            LocalDateTime answeredAt,
            LocalDateTime updatedAt) {}

    private final long seed;
    private final SampleFramework framework;
    private final Cultures cultures;
    private final double[][] itemOffsets;

    Ratings(long seed, SampleFramework framework, Cultures cultures) {
        this.seed = seed;
        this.framework = framework;
        this.cultures = cultures;
        this.itemOffsets = itemOffsets(seed, framework);
    }

    public void forEach(Sitting sitting, Consumer<Response> sink) {
        Dice dice = Dice.of(seed, "responses", sitting.number());
        for (Rater rater : sitting.raters()) {
            if (rater.answered()) {
                answer(sitting, rater, dice, sink);
            }
        }
    }

    private void answer(Sitting sitting, Rater rater, Dice dice, Consumer<Response> sink) {
        LocalDateTime answeredAt = rater.answeredAt();
        boolean self = rater.role() == RaterRole.SELF;
        for (int behaviour = 0; behaviour < framework.behaviourCount(); behaviour++) {
            int item = sitting.form().itemNumber(behaviour);
            double lean = self
                    ? selfLean(sitting, behaviour) : rater.leniency() + rater.role().offset();
            double seen = sitting.strengths()[behaviour] + itemOffsets[behaviour][item] + lean;
            int score = onScale(seen + dice.gaussian(0, self ? SELF_NOISE : OTHERS_NOISE));

            answeredAt = answeredAt.plusSeconds(dice.between(8, 40));
            LocalDateTime updatedAt = dice.chance(EDITED_SHARE)
                    ? answeredAt.plusDays(dice.between(1, 3)) : answeredAt;
            String itemId = sitting.form().itemId(framework, behaviour);
            sink.accept(new Response(sitting, rater, itemId, score, answeredAt, updatedAt));
        }
    }

    private double selfLean(Sitting sitting, int behaviour) {
        return sitting.person().selfBias(behaviour)
                + cultures.selfShift(sitting.school(), behaviour);
    }

    private int onScale(double value) {
        long rounded = Math.round(value);
        return (int) Math.max(framework.scaleMin(), Math.min(framework.scaleMax(), rounded));
    }

    /** Some items are a little harder to agree with than others of the same behaviour. */
    private static double[][] itemOffsets(long seed, SampleFramework framework) {
        double[][] offsets = new double[framework.behaviourCount()][];
        for (SampleFramework.Behaviour behaviour : framework.behaviours()) {
            offsets[behaviour.index()] = new double[behaviour.items().size()];
            for (int item = 0; item < behaviour.items().size(); item++) {
                Dice dice = Dice.of(seed, "item", behaviour.index(), item);
                offsets[behaviour.index()][item] = dice.gaussian(0, 0.12);
            }
        }
        return offsets;
    }
}
