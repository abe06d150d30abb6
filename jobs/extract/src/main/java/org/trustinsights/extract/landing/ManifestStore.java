package org.trustinsights.extract.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.trustinsights.contract.TableContract;

/**
 * The manifests of committed loads, in {@code bronze.load_manifests}. A load is committed when
 * its manifest exists; the warehouse reads only committed loads, and the extract learns from
 * them which files it already took and how far its watermark has come.
 */
public final class ManifestStore {

    private final TableContract contract;
    private final LakeLayout lake;

    public ManifestStore(TableContract contract, LakeLayout lake) {
        this.contract = contract;
        this.lake = lake;
    }

    /** The manifest of one load, by column name. */
    public record Manifest(Map<String, Object> values) {

        public String loadId() {
            return (String) values.get("load_id");
        }

        String get(String column) {
            return Objects.toString(values.get(column), null);
        }
    }

    public void write(Load load, Map<String, Object> values) {
        Object[] row = ParquetSchemas.fileColumns(contract).stream()
                .map(column -> values.get(column.name()))
                .toArray();
        Path file = lake.partition(contract, load.schoolUrn(), load.loadDate()).resolve(load.loadId() + ".parquet");
        ParquetFiles.write(contract, file, List.<Object[]>of(row));
    }

    /** Every committed manifest of one entity of one school, oldest first. */
    public List<Manifest> committed(int schoolUrn, String system, String entity) {
        Path school = lake.table(contract).resolve("school_urn=" + schoolUrn);
        if (!Files.isDirectory(school)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(school, 2)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet"))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .flatMap(file -> ParquetFiles.read(file).stream())
                    .map(Manifest::new)
                    .filter(manifest -> system.equals(manifest.get("system")) && entity.equals(manifest.get("entity")))
                    .filter(manifest -> "completed".equals(manifest.get("status")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What committed loads of one entity took: file checksums and the newest watermark. */
    public record History(Set<String> takenChecksums, Instant watermark) {}

    /** Reads the entity's committed manifests once for both things a scan needs. */
    public History history(int schoolUrn, String system, String entity) {
        List<Manifest> manifests = committed(schoolUrn, system, entity);
        return new History(takenChecksums(manifests), watermark(manifests));
    }

    /** Checksums of every file a committed load of this entity took. */
    private static Set<String> takenChecksums(List<Manifest> manifests) {
        Set<String> checksums = new HashSet<>();
        for (Manifest manifest : manifests) {
            String files = manifest.get("file_checksums");
            if (files != null && !files.isEmpty()) {
                Arrays.stream(files.split("\\|"))
                        .map(entry -> entry.substring(entry.lastIndexOf(':') + 1))
                        .forEach(checksums::add);
            }
        }
        return checksums;
    }

    /** The newest watermark a committed load reached, or the epoch when none has. */
    private static Instant watermark(List<Manifest> manifests) {
        return manifests.stream()
                .map(manifest -> manifest.get("watermark_after"))
                .filter(Objects::nonNull)
                .map(Instant::parse)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }
}
