package org.trustinsights.sample.drop;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The defects as they were written, for {@code defects.json}. */
final class DefectLedger {

    private final List<SeededDefect> defects = new ArrayList<>();

    void record(SeededDefect defect) {
        defects.add(defect);
    }

    List<SeededDefect> defects() {
        return defects.stream()
                .sorted(Comparator.comparing(SeededDefect::kind)
                        .thenComparing(SeededDefect::location)
                        .thenComparingLong(SeededDefect::position))
                .toList();
    }

    Map<DefectKind, Integer> counts() {
        Map<DefectKind, Integer> counts = new EnumMap<>(DefectKind.class);
        for (DefectKind kind : DefectKind.values()) {
            counts.put(kind, 0);
        }
        defects.forEach(defect -> counts.merge(defect.kind(), 1, Integer::sum));
        return counts;
    }

    void write(Path file) {
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts().forEach((kind, count) -> counts.put(kind.code(), count));
        document.put("total", defects.size());
        document.put("counts", counts);
        document.put("defects", defects().stream().map(DefectLedger::entry).toList());

        try {
            new ObjectMapper().writer(new Printer()).writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write defects manifest " + file, e);
        }
    }

    /** Two-space indents, "\n" line ends on every platform, no space before a colon. */
    private static final class Printer extends DefaultPrettyPrinter {

        Printer() {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new Printer();
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }
    }

    private static Map<String, Object> entry(SeededDefect defect) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", defect.kind().code());
        entry.put("system", defect.entity().system());
        entry.put("entity", defect.entity().entity());
        entry.put("school_urn", defect.schoolUrn());
        entry.put("location", defect.location());
        entry.put("position", defect.position());
        entry.put("key", defect.key());
        entry.put("expected_reason", defect.expectedReason());
        return entry;
    }
}
