package org.trustinsights.sample.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV drop: RFC 4180 (CRLF line ends, quotes only where needed), a header row, an
 * empty field for null. Values hold no line breaks, so row n is on line n + 1.
 */
final class CsvDrop {

    private CsvDrop() {}

    static void write(Path file, Entity entity, List<Row> rows) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(entity.columns().toArray(String[]::new))
                .get();
        try (Writer out = Drops.open(file); CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Row row : rows) {
                printer.printRecord((Object[]) row.values());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write drop " + file, e);
        }
    }
}
