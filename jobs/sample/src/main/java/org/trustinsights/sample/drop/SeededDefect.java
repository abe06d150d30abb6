package org.trustinsights.sample.drop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A defect as seeded: where it is ({@code location} relative to the output folder, or
 * {@code jdbc:STAFF}; {@code position} the line counting a CSV header as line 1, or the row of
 * the table in insertion order), the record's key as written, and why a reader should reject it.
 */
public record SeededDefect(
        DefectKind kind,
        Entity entity,
        int schoolUrn,
        String location,
        long position,
        Map<String, Object> key,
        String expectedReason) {

    public SeededDefect {
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
    }
}
