package org.trustinsights.extract.landing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.trustinsights.contract.Column;
import org.trustinsights.contract.TableContract;

/**
 * Types one source record, field by field, against the contract's source columns. Fields come
 * in the contract's column order; a missing field is null. Not for use by two threads at once.
 */
public final class RecordTyper {

    private final List<Column> columns;
    private final ColumnParser[] parsers;
    private final int updatedAt;

    public RecordTyper(TableContract contract) {
        this.columns = contract.sourceColumns();
        this.parsers = columns.stream().map(ColumnParser::new).toArray(ColumnParser[]::new);
        this.updatedAt = columns.stream().map(Column::name).toList().indexOf("updated_at");
    }

    public List<Column> columns() {
        return columns;
    }

    /** Types text fields (CSV, JSON lines, API), given in the order of {@link #columns()}. */
    public LandingRecord typeText(String[] fields, String raw, String location, long position) {
        Object[] values = new Object[parsers.length];
        List<String> problems = null;
        for (int index = 0; index < parsers.length; index++) {
            ColumnParser.Typed typed = parsers[index].parse(fields[index]);
            if (typed.failed()) {
                problems = problems == null ? new ArrayList<>() : problems;
                problems.add(typed.problem());
            } else {
                values[index] = typed.value();
            }
        }
        return result(values, problems, raw, location, position);
    }

    /** Checks values a database driver already typed, keyed by column name. */
    public LandingRecord typeValues(Map<String, Object> fields, String raw, String location, long position) {
        Object[] values = new Object[parsers.length];
        List<String> problems = null;
        for (int index = 0; index < parsers.length; index++) {
            ColumnParser.Typed typed = parsers[index].accept(fields.get(columns.get(index).name()));
            if (typed.failed()) {
                problems = problems == null ? new ArrayList<>() : problems;
                problems.add(typed.problem());
            } else {
                values[index] = typed.value();
            }
        }
        return result(values, problems, raw, location, position);
    }

    private LandingRecord result(Object[] values, List<String> problems, String raw, String location,
            long position) {
        Instant updated = updatedAt >= 0 && values[updatedAt] instanceof Instant time ? time : null;
        if (problems != null) {
            return LandingRecord.rejected(String.join("; ", problems), raw, location, position).withUpdatedAt(updated);
        }
        return LandingRecord.typed(values, raw, location, position, updated);
    }
}
