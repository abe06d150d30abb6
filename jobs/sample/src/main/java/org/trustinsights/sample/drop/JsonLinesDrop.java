package org.trustinsights.sample.drop;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes a JSON-lines drop: one object per line, fields in the order given, null for missing.
 * Built by hand rather than through an object mapper: a large drop holds millions of lines.
 */
final class JsonLinesDrop implements Closeable {

    private final Path file;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private long lines;

    private JsonLinesDrop(Path file, Writer out) {
        this.file = file;
        this.out = out;
    }

    static JsonLinesDrop open(Path file) {
        try {
            return new JsonLinesDrop(file, Drops.open(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create drop " + file, e);
        }
    }

    JsonLinesDrop begin() {
        line.setLength(0);
        line.append('{');
        return this;
    }

    JsonLinesDrop text(String name, String value) {
        name(name);
        if (value == null) {
            line.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonLinesDrop number(String name, long value) {
        name(name);
        line.append(value);
        return this;
    }

    void end() {
        line.append("}\n");
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write drop " + file + " at line "
                    + (lines + 1), e);
        }
        lines++;
    }

    long lines() {
        return lines;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish drop " + file, e);
        }
    }

    private void name(String name) {
        if (line.length() > 1) {
            line.append(',');
        }
        quote(name);
        line.append(':');
    }

    private void quote(String value) {
        line.append('"');
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            switch (character) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (character < 0x20) {
                        line.append(String.format("\\u%04x", (int) character));
                    } else {
                        line.append(character);
                    }
                }
            }
        }
        line.append('"');
    }
}
