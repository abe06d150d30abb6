package org.trustinsights.sample.world;

import java.util.HashMap;
import java.util.Map;

import org.trustinsights.config.AcademicYear;

/**
 * The form of each academic year, code {@code LDF<start year>}. Revisions are drawn year by
 * year from a fixed first year, so a year's form does not depend on how many years are asked for.
 */
final class Forms {

    static final int FIRST_FORM_YEAR = 2015;
    static final double REVISED_SHARE = 0.2;

    private final long seed;
    private final SampleFramework framework;
    private final Map<Integer, Form> forms = new HashMap<>();

    Forms(long seed, SampleFramework framework) {
        this.seed = seed;
        this.framework = framework;
    }

    Form of(AcademicYear year) {
        return forms.computeIfAbsent(year.startYear(), this::draw);
    }

    private Form draw(int startYear) {
        int[] items = new int[framework.behaviourCount()];
        for (int year = FIRST_FORM_YEAR + 1; year <= startYear; year++) {
            Dice dice = Dice.of(seed, "form", year);
            for (int behaviour = 0; behaviour < items.length; behaviour++) {
                int itemCount = framework.behaviour(behaviour).items().size();
                if (itemCount > 1 && dice.chance(REVISED_SHARE)) {
                    int step = dice.between(1, itemCount - 1);
                    items[behaviour] = (items[behaviour] + step) % itemCount;
                }
            }
        }
        return new Form("LDF" + startYear, items);
    }
}
