package org.trustinsights.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load whose JVM is killed in the middle carries on from its last committed chunk when the
 * extract runs again, and what it lands is exactly what an uninterrupted run lands.
 */
class RestartAfterKillTest {

    static final int SCHOOL = 100001;
    static final int RESPONSES = 240_000;

    @TempDir
    Path work;

    @Test
    void aKilledLoadResumesAndLandsWhatAnUninterruptedRunLands() throws Exception {
        Path interrupted = trust("interrupted");
        Path uninterrupted = trust("uninterrupted");

        ExtractProcess killed = ExtractProcess.start(interrupted.getParent(), Map.of(),
                "--insights.config=" + interrupted, "--insights.chunk-size=2000", "--insights.entity=responses");
        Path landing = interrupted.resolveSibling("lake/bronze/diagnostics_responses");
        waitForParts(landing, 8, killed);
        killed.process().destroyForcibly().waitFor();
        int partsAtKill = StaffExtractJobTest.files(landing).size();
        ExtractProcess.Result resumed = ExtractProcess.run(interrupted.getParent(), Map.of(),
                "--insights.config=" + interrupted, "--insights.chunk-size=2000", "--insights.entity=responses");
        ExtractProcess.Result whole = ExtractProcess.run(uninterrupted.getParent(), Map.of(),
                "--insights.config=" + uninterrupted, "--insights.chunk-size=2000", "--insights.entity=responses");

        assertThat(partsAtKill).isLessThan(RESPONSES / 2000);
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("was left unfinished by a process that ended; carrying it on");
        List<String> resumedKeys = keys(landing);
        assertThat(resumedKeys).hasSize(RESPONSES).doesNotHaveDuplicates();
        assertThat(Set.copyOf(resumedKeys)).isEqualTo(Set.copyOf(keys(
                uninterrupted.resolveSibling("lake/bronze/diagnostics_responses"))));
        assertThat(StaffExtractJobTest.rows(interrupted.resolveSibling("lake/bronze/load_manifests")))
                .singleElement()
                .satisfies(manifest -> assertThat(manifest.get("count_written")).isEqualTo((long) RESPONSES));
    }

    private Path trust(String name) throws IOException {
        Path folder = work.resolve(name);
        Path drop = folder.resolve("sources/diagnostics/responses");
        Files.createDirectories(drop);
        Files.copy(SeededDefectsTest.SAMPLE.resolve("framework.yaml"), folder.resolve("framework.yaml"));
        writeResponses(drop.resolve("responses-2024-25.jsonl.gz"));
        Path config = folder.resolve("trust.yaml");
        Files.writeString(config, """
                trust: {name: Restart Trust, code: restart}
                framework: framework.yaml
                schools:
                  - urn: %d
                    name: Alpha Primary
                    phase: primary
                    region: North
                    joined_on: 2015-09-01
                    sources:
                      diagnostics: {kind: files, format: jsonl, location: sources/diagnostics}
                storage:
                  root: lake
                """.formatted(SCHOOL));
        return config;
    }

    private static void writeResponses(Path file) throws IOException {
        try (Writer out = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8)) {
            for (int index = 0; index < RESPONSES; index++) {
                out.write(String.format("{\"sitting_id\":\"S%05d\",\"rater_id\":\"R%02d\",\"rater_role\":\"peer\","
                        + "\"item_id\":\"S1-%d\",\"score\":%d,\"answered_at\":\"2024-10-01T09:00:00Z\","
                        + "\"updated_at\":\"2024-10-01T09:00:00Z\"}%n", index / 600, index / 6 % 100, index % 6,
                        1 + index % 5));
            }
        }
    }

    private static void waitForParts(Path folder, int parts, ExtractProcess process) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (StaffExtractJobTest.files(folder).stream().filter(file -> file.toString().endsWith(".parquet"))
                .count() < parts) {
            if (!process.process().isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The extract ended before it could be killed:\n"
                        + Files.readString(process.log()));
            }
            Thread.sleep(20);
        }
    }

    private static List<String> keys(Path landing) {
        return StaffExtractJobTest.rows(landing).stream()
                .map(row -> row.get("sitting_id") + "/" + row.get("rater_id") + "/" + row.get("item_id"))
                .collect(Collectors.toList());
    }
}
