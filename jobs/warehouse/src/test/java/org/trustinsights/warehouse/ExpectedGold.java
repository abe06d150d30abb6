package org.trustinsights.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tiny trust's expected gold rows, as {@code jobs/testdata/tiny-trust/expected.py} prints
 * them: a {@code == <table> (<n> rows)} line, a header of column names, then one tab-separated
 * line per row with {@code null} for an empty cell and numbers to four decimals.
 */
final class ExpectedGold {

    private final Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();

    private ExpectedGold() {}

    static ExpectedGold read(Path file) throws IOException {
        ExpectedGold expected = new ExpectedGold();
        List<String> header = null;
        List<Map<String, String>> rows = null;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("== ")) {
                rows = new ArrayList<>();
                expected.tables.put(line.substring(3, line.indexOf(' ', 3)), rows);
                header = null;
            } else if (header == null) {
                header = Arrays.asList(line.split("\t"));
            } else {
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int column = 0; column < header.size(); column++) {
                    row.put(header.get(column), cells[column]);
                }
                rows.add(row);
            }
        }
        return expected;
    }

    List<String> tables() {
        return List.copyOf(tables.keySet());
    }

    List<Map<String, String>> rows(String table) {
        return tables.get(table);
    }

    /** Whether an actual cell, printed the same way, matches the expected one. */
    static boolean matches(String expected, Object actual) {
        if (actual == null) {
            return expected.equals("null");
        }
        if (actual instanceof Double number) {
            return !expected.equals("null") && Math.abs(Double.parseDouble(expected) - number) <= 0.00005 + 1e-9;
        }
        return expected.equals(String.valueOf(actual));
    }
}
