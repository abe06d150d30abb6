package org.trustinsights.warehouse.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustinsights.warehouse.privacy.SmallCellSuppression.PRIMARY;
import static org.trustinsights.warehouse.privacy.SmallCellSuppression.SECONDARY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.trustinsights.warehouse.privacy.SmallCellSuppression.Cell;

class SmallCellSuppressionTest {

    @Test
    void showsARowWithNoSmallCount() {
        assertThat(SmallCellSuppression.suppress(cells(0, 6, 9), "all", 15, 5)).isEmpty();
    }

    @Test
    void aLoneSmallCellTakesTheNextSmallestWithIt() {
        Map<String, String> hidden = SmallCellSuppression.suppress(cells(2, 7, 6), "all", 15, 5);

        assertThat(hidden).containsExactly(Map.entry("c0", PRIMARY), Map.entry("c2", SECONDARY));
    }

    @Test
    void aZeroCannotHideALoneSmallCellOfOne() {
        Map<String, String> hidden = SmallCellSuppression.suppress(cells(0, 1, 3, 3, 5), "all", 12, 3);

        assertThat(hidden).containsOnlyKeys("c0", "c1", "c2");
        assertThat(hidden.get("c1")).isEqualTo(PRIMARY);
    }

    @Test
    void smallCellsThatMustAllBeOneAreProtectedToo() {
        Map<String, String> hidden = SmallCellSuppression.suppress(cells(0, 1, 1, 1, 5), "all", 8, 3);

        assertThat(hidden).containsOnlyKeys("c0", "c1", "c2", "c3", "c4");
    }

    @Test
    void aSmallTotalIsItselfSuppressed() {
        assertThat(SmallCellSuppression.suppress(cells(1, 2), "all", 3, 5))
                .containsEntry("all", PRIMARY).containsEntry("c0", PRIMARY).containsEntry("c1", PRIMARY);
    }

    /** An attacker who knows the rule and sees the row cannot pin any hidden count. */
    @Test
    void noHiddenCountCanBeWorkedOutByEnumeration() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            int minGroupSize = 3 + random.nextInt(3);
            int[] counts = IntStream.range(0, 2 + random.nextInt(4)).map(index -> random.nextInt(9)).toArray();
            int total = IntStream.of(counts).sum();
            List<Cell> cells = cells(counts);
            Map<String, String> hidden = SmallCellSuppression.suppress(cells, "all", total, minGroupSize);
            if (hidden.containsKey("all") || hidden.isEmpty()) {
                continue;
            }
            for (int index = 0; index < counts.length; index++) {
                if (hidden.containsKey("c" + index)) {
                    assertThat(possibleValues(cells, hidden, index, total, minGroupSize))
                            .as("counts %s, min %d, cell %d", java.util.Arrays.toString(counts), minGroupSize, index)
                            .hasSizeGreaterThan(1);
                }
            }
        }
    }

    /** Every value a hidden cell could take, over all hidden assignments consistent with what is shown. */
    private static List<Integer> possibleValues(List<Cell> cells, Map<String, String> hidden, int target, int total,
            int minGroupSize) {
        List<Integer> hiddenIndexes = new ArrayList<>();
        int remaining = total;
        int smallestShown = total;
        for (int index = 0; index < cells.size(); index++) {
            if (hidden.containsKey("c" + index)) {
                hiddenIndexes.add(index);
            } else {
                remaining -= cells.get(index).count();
                smallestShown = Math.min(smallestShown, cells.get(index).count());
            }
        }
        List<Integer> values = new ArrayList<>();
        enumerate(hiddenIndexes, 0, new int[cells.size()], remaining, smallestShown, minGroupSize, hidden, target,
                values);
        return values.stream().distinct().toList();
    }

    private static void enumerate(List<Integer> hiddenIndexes, int position, int[] assignment, int remaining,
            int smallestShown, int minGroupSize, Map<String, String> hidden, int target, List<Integer> values) {
        if (position == hiddenIndexes.size()) {
            if (remaining == 0) {
                values.add(assignment[target]);
            }
            return;
        }
        int index = hiddenIndexes.get(position);
        // The attacker reads the reason: a primary cell is 1 to min - 1; a secondary one was the
        // smallest shown cell when it was hidden, so it is no larger than any cell still shown.
        boolean primary = hidden.get("c" + index).equals(PRIMARY);
        int low = primary ? 1 : 0;
        int high = primary ? minGroupSize - 1 : smallestShown;
        for (int value = low; value <= high; value++) {
            assignment[index] = value;
            enumerate(hiddenIndexes, position + 1, assignment, remaining - value, smallestShown, minGroupSize, hidden,
                    target, values);
        }
    }

    private static List<Cell> cells(int... counts) {
        return IntStream.range(0, counts.length).mapToObj(index -> new Cell("c" + index, counts[index])).toList();
    }
}
