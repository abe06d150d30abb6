package org.trustinsights.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDeterminismTest {

    @Test
    void sameSeedAndScaleWriteIdenticalFiles(@TempDir Path first, @TempDir Path second) {
        SampleGenerator.generate(Samples.small(first, 7));
        SampleGenerator.generate(Samples.small(second, 7));

        Map<String, String> firstChecksums = checksums(first);
        assertThat(firstChecksums).hasSizeGreaterThan(30);
        assertThat(checksums(second)).isEqualTo(firstChecksums);
        assertThat(staffTables(second)).isNotEmpty().isEqualTo(staffTables(first));
    }

    @Test
    void differentSeedWritesDifferentData(@TempDir Path first, @TempDir Path second) {
        SampleGenerator.generate(Samples.small(first, 7));
        SampleGenerator.generate(Samples.small(second, 8));

        Map<String, String> firstChecksums = checksums(first);
        Map<String, String> secondChecksums = checksums(second);
        assertThat(secondChecksums).isNotEqualTo(firstChecksums);
        assertThat(secondChecksums.get("framework.yaml"))
                .isEqualTo(firstChecksums.get("framework.yaml"));
        assertThat(secondChecksums.get("trust.yaml"))
                .isNotEqualTo(firstChecksums.get("trust.yaml"));
    }

    /**
     * SHA-256 of every file by relative path, but for the H2 databases, whose files record when
     * they were written; their tables are compared instead.
     */
    private static Map<String, String> checksums(Path root) {
        return DropReader.find(root, "**").stream()
                .filter(file -> !file.toString().endsWith(".mv.db"))
                .collect(Collectors.toMap(file -> root.relativize(file).toString(),
                        SampleDeterminismTest::sha256, (one, other) -> one, TreeMap::new));
    }

    private static Map<String, List<Map<String, String>>> staffTables(Path root) {
        return DropReader.find(root, "sources/*/mis/mis.mv.db").stream()
                .collect(Collectors.toMap(file -> root.relativize(file).toString(),
                        file -> DropReader.staffTable(file.getParent()), (one, other) -> one,
                        TreeMap::new));
    }

    private static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
