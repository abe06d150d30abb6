package org.trustinsights.sample.drop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.trustinsights.sample.world.Dice;

/**
 * Applies the planned defects to the rows of a CSV drop or table: a role start date written by
 * hand, an empty staff id, a mentor school from outside the trust, a line copied further down.
 */
final class Spoiler {

    static final int FOREIGN_URN_LOW = 100_000;
    static final int FOREIGN_URN_HIGH = 139_999;

    private Spoiler() {}

    static List<Row> spoil(Entity entity, List<String[]> clean, List<DefectPlan.Target> targets) {
        List<Row> rows = new ArrayList<>();
        clean.forEach(values -> rows.add(new Row(values)));
        List<DefectPlan.Target> duplicates = new ArrayList<>();
        for (DefectPlan.Target target : targets) {
            if (target.kind() == DefectKind.DUPLICATE_ROW) {
                duplicates.add(target);
            } else {
                spoil(entity, rows.get(target.ordinal()), target);
            }
        }

        List<Row> originals = List.copyOf(rows);
        for (DefectPlan.Target target : duplicates) {
            Row original = originals.get(target.ordinal());
            int after = rows.indexOf(original);
            int at = Dice.of(target.salt(), "duplicate").between(after + 1, rows.size());
            rows.add(at, original.duplicate());
        }
        return rows;
    }

    private static void spoil(Entity entity, Row row, DefectPlan.Target target) {
        switch (target.kind()) {
            case MALFORMED_DATE -> {
                int column = entity.column("role_start_date");
                row.set(column, handWritten(LocalDate.parse(row.value(column)), target.salt()));
                row.spoil(target.kind(), "role_start_date is not a date in yyyy-MM-dd");
            }
            case MISSING_KEY -> {
                row.set(entity.column("staff_id"), null);
                row.spoil(target.kind(), "staff_id missing");
            }
            case UNKNOWN_SCHOOL_URN -> {
                long range = FOREIGN_URN_HIGH - FOREIGN_URN_LOW;
                String urn = String.valueOf(FOREIGN_URN_LOW + target.salt() % range);
                row.set(entity.column("mentor_school_urn"), urn);
                row.spoil(target.kind(),
                        "mentor_school_urn " + urn + " is not a school of the trust");
            }
            default -> throw new IllegalArgumentException("Cannot seed " + target.kind() + " in "
                    + entity);
        }
    }

    /** As a school office might type it: day first, or a day the month does not have. */
    static String handWritten(LocalDate date, long salt) {
        return switch ((int) (salt % 3)) {
            case 0 -> String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(),
                    date.getYear());
            case 1 -> "31/02/" + date.getYear();
            default -> String.format("%d-%02d-31", date.getYear(), shortMonth(date));
        };
    }

    private static int shortMonth(LocalDate date) {
        int[] shortMonths = {4, 6, 9, 11};
        return shortMonths[date.getMonthValue() % shortMonths.length];
    }
}
