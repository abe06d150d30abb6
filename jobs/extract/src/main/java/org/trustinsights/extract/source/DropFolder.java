package org.trustinsights.extract.source;

import static org.trustinsights.InsightsException.Category.SOURCE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.trustinsights.InsightsException;

/**
 * A school's drop folder for one entity: {@code <location>/<entity>/}, holding CSV or JSON-lines
 * files, optionally gzipped. A file is taken once: one whose checksum a committed load already
 * recorded is passed over, whatever its name.
 */
public record DropFolder(Path folder, String format) {

    public static DropFolder of(String location, String entity, String format) {
        return new DropFolder(Path.of(location).resolve(entity), format);
    }

    /** Files not yet taken, by name. */
    public List<DropFile> newFiles(Set<String> takenChecksums) {
        if (!Files.isDirectory(folder)) {
            throw new InsightsException(SOURCE, "Cannot read drop folder " + folder
                    + ": it does not exist; fix: create it, or correct the source's location");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(this::hasFormat)
                    .sorted()
                    .map(path -> new DropFile(path, path.getFileName().toString(), sha256(path)))
                    .filter(file -> !takenChecksums.contains(file.sha256()))
                    .toList();
        } catch (IOException e) {
            throw new InsightsException(SOURCE, "Cannot list drop folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private boolean hasFormat(Path path) {
        String name = path.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith("." + format) || name.endsWith("." + format + ".gz"));
    }

    static String sha256(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest())) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
