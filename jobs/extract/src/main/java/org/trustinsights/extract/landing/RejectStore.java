package org.trustinsights.extract.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.trustinsights.contract.TableContract;

/** The rejects of a load, in {@code bronze.rejects}, for messages about a failed load. */
public record RejectStore(TableContract contract, LakeLayout lake) {

    /** The reasons of the first rejects of a load, in the order they were written. */
    public List<String> firstReasons(Load load, int limit) {
        Path partition = lake.partition(contract, load.schoolUrn(), load.loadDate());
        if (!Files.isDirectory(partition)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(partition)) {
            return files.filter(file -> file.getFileName().toString().startsWith("part-" + load.loadId()))
                    .sorted()
                    .flatMap(file -> ParquetFiles.read(file).stream())
                    .map(row -> Objects.toString(row.get("source_location")) + " line " + row.get("source_position")
                            + ": " + row.get("reason"))
                    .limit(limit)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
