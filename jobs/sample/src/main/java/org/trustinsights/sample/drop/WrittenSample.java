package org.trustinsights.sample.drop;

import java.util.List;
import java.util.Map;

/** What the writer wrote: rows per entity and the defects seeded, as recorded in defects.json. */
public record WrittenSample(Map<Entity, Long> rows, Map<DefectKind, Integer> defectCounts,
        List<SeededDefect> defects) {

    public WrittenSample {
        rows = Map.copyOf(rows);
        defectCounts = Map.copyOf(defectCounts);
        defects = List.copyOf(defects);
    }
}
