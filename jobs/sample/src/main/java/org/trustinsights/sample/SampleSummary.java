package org.trustinsights.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.trustinsights.sample.drop.DefectKind;
import org.trustinsights.sample.drop.Entity;

/** What a run of {@code sample} wrote, for the closing summary. */
public record SampleSummary(
        Path output,
        SampleOptions options,
        int people,
        int files,
        long bytes,
        Map<Entity, Long> rows,
        Map<DefectKind, Integer> defects,
        Duration elapsed) {

    public SampleSummary {
        rows = Map.copyOf(rows);
        defects = Map.copyOf(defects);
    }

    public long rows(Entity entity) {
        return rows.getOrDefault(entity, 0L);
    }

    /** A few lines for the terminal. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Wrote a sample trust to %s in %.1f s%n", output,
                elapsed.toMillis() / 1000.0));
        text.append(String.format(
                "  %d schools, %d leadership posts held by %d leaders over %d years, seed %d%n",
                options.schools(), options.leaders(), people, options.years(), options.seed()));
        text.append(String.format("  %d files, %.1f MB%n", files, bytes / 1_000_000.0));
        for (Entity entity : Entity.values()) {
            text.append(String.format("  %-28s %,12d rows%n", entity, rows(entity)));
        }
        int total = defects.values().stream().mapToInt(Integer::intValue).sum();
        text.append(String.format("  defects seeded: %d (%s), listed in defects.json%n", total,
                defects.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> entry.getKey().code() + " " + entry.getValue())
                        .collect(Collectors.joining(", "))));
        return text.toString();
    }
}
