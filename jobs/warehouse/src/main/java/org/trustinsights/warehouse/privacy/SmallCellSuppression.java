package org.trustinsights.warehouse.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hides counts of people too small to publish, and then whatever else would let a reader work
 * them out from a shown total. A count from 1 to {@code minGroupSize - 1} is suppressed
 * (primary); zero describes nobody and is shown. Then, while any hidden cell's value can still
 * be pinned down from the total and the bounds of the other hidden cells, the smallest shown
 * cell is hidden too (secondary). A reader who knows this rule and sees each hidden cell's
 * reason knows a primary cell is between 1 and {@code minGroupSize - 1}, and a secondary cell
 * between 0 and the smallest cell still shown; those are the bounds the check uses.
 */
public final class SmallCellSuppression {

    public static final String PRIMARY = "fewer_than_min_group_size";
    public static final String SECONDARY = "secondary_suppression";

    private SmallCellSuppression() {}

    /** One count in a row that adds up to a total. */
    public record Cell(String label, int count) {}

    /** Which cells to hide and why; the total is keyed by {@code totalLabel}. */
    public static Map<String, String> suppress(List<Cell> cells, String totalLabel, int total, int minGroupSize) {
        Map<String, String> hidden = new LinkedHashMap<>();
        for (Cell cell : cells) {
            if (cell.count() > 0 && cell.count() < minGroupSize) {
                hidden.put(cell.label(), PRIMARY);
            }
        }
        if (total > 0 && total < minGroupSize) {
            hidden.put(totalLabel, PRIMARY);
            return hidden;
        }

        while (anyRecoverable(cells, hidden, total, minGroupSize)) {
            Cell next = cells.stream()
                    .filter(cell -> !hidden.containsKey(cell.label()))
                    .min(Comparator.comparingInt(Cell::count))
                    .orElse(null);
            if (next == null) {
                hidden.put(totalLabel, SECONDARY);
                break;
            }
            hidden.put(next.label(), SECONDARY);
        }
        return hidden;
    }

    private static boolean anyRecoverable(List<Cell> cells, Map<String, String> hidden, int total, int minGroupSize) {
        int hiddenSum = total;
        int smallestShown = total;
        for (Cell cell : cells) {
            if (!hidden.containsKey(cell.label())) {
                hiddenSum -= cell.count();
                smallestShown = Math.min(smallestShown, cell.count());
            }
        }
        List<int[]> bounds = new ArrayList<>();
        for (Cell cell : cells) {
            String reason = hidden.get(cell.label());
            if (reason != null) {
                bounds.add(reason.equals(PRIMARY) ? new int[] {1, minGroupSize - 1} : new int[] {0, smallestShown});
            }
        }
        int lowSum = bounds.stream().mapToInt(bound -> bound[0]).sum();
        int highSum = bounds.stream().mapToInt(bound -> bound[1]).sum();
        for (int[] bound : bounds) {
            int low = Math.max(bound[0], hiddenSum - (highSum - bound[1]));
            int high = Math.min(bound[1], hiddenSum - (lowSum - bound[0]));
            if (low >= high) {
                return true;
            }
        }
        return false;
    }
}
