package org.trustinsights.sample.drop;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Opens drop files for writing, gzip-compressed when the name ends in {@code .gz}. */
final class Drops {

    private static final int BUFFER = 1 << 16;

    private Drops() {}

    /**
     * A UTF-8 writer. Java's gzip header carries no time or file name, so equal content gives
     * equal bytes.
     */
    static Writer open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
        if (file.getFileName().toString().endsWith(".gz")) {
            out = new GZIPOutputStream(out, BUFFER);
        }
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
    }
}
