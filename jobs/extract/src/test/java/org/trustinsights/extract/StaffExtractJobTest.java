package org.trustinsights.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.trustinsights.extract.landing.ParquetFiles;

class StaffExtractJobTest {

    static final Path REPOSITORY = Path.of(System.getProperty("insights.repository", "../.."));
    static final Path TINY_TRUST = REPOSITORY.resolve("jobs/testdata/tiny-trust");

    @TempDir
    Path work;

    Path trust;
    Path lake;

    @BeforeEach
    void copyTinyTrust() throws IOException {
        trust = work.resolve("trust");
        lake = work.resolve("lake");
        TestFiles.copyFolder(TINY_TRUST, trust);
        Files.writeString(trust.resolve("trust.yaml"),
                Files.readString(trust.resolve("trust.yaml")) + "storage:\n  root: " + lake + "\n");
    }

    @Test
    void landsTypedRowsAndKeepsEveryBadLineAsAReject() {
        List<ExtractRunner.Outcome> outcomes = extract();

        assertThat(outcomes).extracting(ExtractRunner.Outcome::schoolUrn, ExtractRunner.Outcome::status,
                        ExtractRunner.Outcome::read, ExtractRunner.Outcome::written, ExtractRunner.Outcome::rejected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(100001, "LANDED", 16L, 14L, 2L),
                        org.assertj.core.groups.Tuple.tuple(100002, "LANDED", 9L, 9L, 0L));
        List<Map<String, Object>> staff = rows(lake.resolve("bronze/mis_staff/school_urn=100001"));
        assertThat(staff).hasSize(14);
        assertThat(staff).filteredOn(row -> row.get("staff_id").equals("A08"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("trn")).isNull();
                    assertThat(row.get("role_level")).isEqualTo("middle_leader");
                    assertThat(row.get("source_location")).isEqualTo("staff-2025-01.csv");
                    assertThat(row.get("source_position")).isEqualTo(10L);
                });
    }

    @Test
    void rejectsNameTheFileTheLineAndTheReason() {
        extract();

        List<Map<String, Object>> rejects = rows(lake.resolve("bronze/rejects/school_urn=100001"));

        assertThat(rejects).extracting(row -> row.get("source_position"), row -> row.get("reason"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(16L,
                                "role_start_date '31/02/2024' is not a date (yyyy-MM-dd)"),
                        org.assertj.core.groups.Tuple.tuple(17L, "line has 9 fields but the header has 12"));
        assertThat(rejects).allSatisfy(row -> {
            assertThat(row.get("source_location")).isEqualTo("staff-2025-01.csv");
            assertThat(row.get("entity")).isEqualTo("staff");
            assertThat((String) row.get("raw_record")).startsWith("A9");
        });
    }

    @Test
    void rerunWithUnchangedDropsLandsNothing() throws IOException {
        extract();
        List<Path> before = files(lake);

        List<ExtractRunner.Outcome> rerun = extract();

        assertThat(rerun).extracting(ExtractRunner.Outcome::status).containsOnly("NOTHING NEW");
        assertThat(files(lake)).isEqualTo(before);
    }

    @Test
    void aNewFileIsTakenAndOnlyItIsLanded() throws IOException {
        extract();
        Path drop = trust.resolve("sources/100002/mis/staff");
        Files.writeString(drop.resolve("staff-2025-02.csv"), Files.readAllLines(drop.resolve("staff-2025-01.csv"))
                .get(0) + "\nB10,2000010,b10@beta.sch.uk,Xan,Xu,Head of Art,middle_leader,B02,2025-01-06,,,"
                + "2025-01-06T08:00:00Z\n");

        List<ExtractRunner.Outcome> rerun = extract();

        assertThat(rerun).extracting(ExtractRunner.Outcome::schoolUrn, ExtractRunner.Outcome::status,
                        ExtractRunner.Outcome::written)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100001, "NOTHING NEW", 0L),
                        org.assertj.core.groups.Tuple.tuple(100002, "LANDED", 1L));
        assertThat(rows(lake.resolve("bronze/load_manifests/school_urn=100002")))
                .extracting(row -> row.get("file_checksums"))
                .hasSize(2)
                .allSatisfy(checksums -> assertThat((String) checksums).matches("staff-2025-0[12]\\.csv:[0-9a-f]{64}"));
    }

    @Test
    void anUnreachableSourceFailsOnlyItsSchool() throws IOException {
        TestFiles.deleteFolder(trust.resolve("sources/100001/mis/staff"));

        List<ExtractRunner.Outcome> outcomes = extract();

        assertThat(outcomes).extracting(ExtractRunner.Outcome::schoolUrn, ExtractRunner.Outcome::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100001, "FAILED"),
                        org.assertj.core.groups.Tuple.tuple(100002, "LANDED"));
        assertThat(outcomes.get(0).message()).startsWith("Cannot read drop folder ")
                .endsWith("sources/100001/mis/staff: it does not exist; fix: create it, or correct the "
                        + "source's location");
    }

    private List<ExtractRunner.Outcome> extract() {
        try (ConfigurableApplicationContext context = SpringApplication.run(ExtractApplication.class,
                "--insights.config=" + trust.resolve("trust.yaml"),
                "--insights.load-date=2025-01-10",
                "--insights.entity=staff",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs"))) {
            return context.getBean(ExtractRunner.class).outcomes();
        }
    }

    /** Every row under a table folder, with its school_urn partition value as a reader of the table sees it. */
    static List<Map<String, Object>> rows(Path folder) {
        return files(folder).stream()
                .filter(file -> file.toString().endsWith(".parquet"))
                .flatMap(file -> ParquetFiles.read(file).stream().map(row -> withSchool(row, file)))
                .toList();
    }

    private static Map<String, Object> withSchool(Map<String, Object> row, Path file) {
        Map<String, Object> values = new java.util.LinkedHashMap<>(row);
        for (Path part : file) {
            if (part.toString().startsWith("school_urn=")) {
                values.putIfAbsent("school_urn", Integer.parseInt(part.toString().substring("school_urn=".length())));
            }
        }
        return values;
    }

    static List<Path> files(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
