package org.trustinsights.extract.landing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.trustinsights.contract.Column;
import org.trustinsights.contract.TableContract;

/** Types one source record, field by field, against the contract's source columns. */
public final class RecordTyper {

    private final List<Column> columns;
    private final int updatedAt;

    public RecordTyper(TableContract contract) {
        this.columns = contract.sourceColumns();
        this.updatedAt = columns.stream().map(Column::name).toList().indexOf("updated_at");
    }

    public List<Column> columns() {
        return columns;
    }

    /** Types text fields keyed by column name (CSV, JSON lines). */
    public LandingRecord typeText(Map<String, String> fields, String raw, String location, long position) {
        Object[] values = new Object[columns.size()];
        List<String> problems = new ArrayList<>();
        for (int index = 0; index < columns.size(); index++) {
            Column column = columns.get(index);
            TypedValues.Typed typed = TypedValues.parse(column, fields.get(column.name()));
            collect(typed, values, index, problems);
        }
        return result(values, problems, raw, location, position);
    }

    /** Checks values a database driver already typed, keyed by column name. */
    public LandingRecord typeValues(Map<String, Object> fields, String raw, String location, long position) {
        Object[] values = new Object[columns.size()];
        List<String> problems = new ArrayList<>();
        for (int index = 0; index < columns.size(); index++) {
            Column column = columns.get(index);
            collect(TypedValues.accept(column, fields.get(column.name())), values, index, problems);
        }
        return result(values, problems, raw, location, position);
    }

    private static void collect(TypedValues.Typed typed, Object[] values, int index, List<String> problems) {
        if (typed.failed()) {
            problems.add(typed.problem());
        } else {
            values[index] = typed.value();
        }
    }

    private LandingRecord result(Object[] values, List<String> problems, String raw, String location,
            long position) {
        Instant updated = updatedAt >= 0 && values[updatedAt] instanceof Instant time ? time : null;
        if (!problems.isEmpty()) {
            return LandingRecord.rejected(String.join("; ", problems), raw, location, position).withUpdatedAt(updated);
        }
        return LandingRecord.typed(values, raw, location, position, updated);
    }
}
