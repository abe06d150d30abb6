package org.trustinsights.sample.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.trustinsights.config.AcademicYear;

/** The trust's two or three priority behaviours a year; one often carries over to the next. */
final class Priorities {

    private Priorities() {}

    static Map<AcademicYear, List<String>> plan(TrustSettings settings, SampleFramework framework) {
        Map<AcademicYear, List<String>> priorities = new LinkedHashMap<>();
        List<String> previous = List.of();
        for (AcademicYear year : settings.years()) {
            Dice dice = Dice.of(settings.seed(), "priorities", year.startYear());
            List<String> chosen = new ArrayList<>();
            if (!previous.isEmpty() && dice.chance(0.5)) {
                chosen.add(dice.pick(previous));
            }
            int count = dice.between(2, 3);
            while (chosen.size() < count) {
                String code = dice.pick(framework.behaviours()).code();
                if (!chosen.contains(code)) {
                    chosen.add(code);
                }
            }
            priorities.put(year, List.copyOf(chosen));
            previous = chosen;
        }
        return priorities;
    }
}
