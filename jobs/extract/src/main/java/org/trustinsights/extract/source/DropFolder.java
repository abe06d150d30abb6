package org.trustinsights.extract.source;

import static org.trustinsights.InsightsException.Category.SOURCE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.nio.file.StandardCopyOption;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.InsightsException;
import org.trustinsights.config.SourceConfig;

/**
 * A school's drop folder for one entity: {@code <location>/<entity>/}, holding CSV or JSON-lines
 * files, optionally gzipped. A file is taken once: one whose checksum a committed load already
 * recorded is passed over, whatever its name. A file still being written is left for the next
 * run: one without its completion marker (when the source names one), or one changed within
 * the last {@code settleSeconds}.
 */
public record DropFolder(Path folder, String format, String completionMarker, int settleSeconds) {

    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);
    private static final String ARCHIVE = "archive";

    public static DropFolder of(SourceConfig source, String entity) {
        return new DropFolder(Path.of(source.location()).resolve(entity), source.format(),
                source.completionMarker(), source.settleSeconds());
    }

    /** Moves taken files into {@code archive/<load date>/}, with their markers. */
    public void archive(List<DropFile> files, LocalDate loadDate) {
        Path archive = folder.resolve(ARCHIVE).resolve(loadDate.toString());
        try {
            Files.createDirectories(archive);
            for (DropFile file : files) {
                Files.move(file.path(), archive.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
                if (completionMarker != null) {
                    Files.deleteIfExists(marker(file.path()));
                }
            }
        } catch (IOException e) {
            throw new InsightsException(SOURCE, "Cannot archive taken files into " + archive + ": " + e.getMessage()
                    + "; fix: let the extract write to the drop folder", e);
        }
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
                    .filter(this::isComplete)
                    .sorted()
                    .map(path -> new DropFile(path, path.getFileName().toString(), sha256(path)))
                    .filter(file -> !takenChecksums.contains(file.sha256()))
                    .toList();
        } catch (IOException e) {
            throw new InsightsException(SOURCE, "Cannot list drop folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private boolean isComplete(Path path) {
        if (completionMarker != null && !Files.exists(marker(path))) {
            log.warn("{} has no {} marker yet; left for the next run", path.getFileName(), completionMarker);
            return false;
        }
        try {
            Instant changed = Files.getLastModifiedTime(path).toInstant();
            if (settleSeconds > 0 && changed.isAfter(Instant.now().minusSeconds(settleSeconds))) {
                log.warn("{} changed in the last {} s and may still be growing; left for the next run",
                        path.getFileName(), settleSeconds);
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path marker(Path path) {
        return path.resolveSibling(path.getFileName() + completionMarker);
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
