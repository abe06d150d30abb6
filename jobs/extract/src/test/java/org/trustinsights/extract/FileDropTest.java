package org.trustinsights.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Staff drops as schools really send them: odd columns, cut-off files, foreign bytes, half-written files. */
class FileDropTest {

    static final String HEADER = "staff_id,trn,email,given_name,family_name,role_title,role_level,"
            + "line_manager_staff_id,role_start_date,role_end_date,npq,updated_at";
    static final String GOOD = "A01,1000001,a01@alpha.sch.uk,Ada,Ashby,Headteacher,headteacher,,2015-09-01,,,"
            + "2024-12-01T08:00:00Z";
    static final String SECOND = "A02,1000002,a02@alpha.sch.uk,Ben,Baker,Deputy,deputy_head,A01,2019-09-01,,,"
            + "2024-12-01T08:00:00Z";

    @TempDir
    Path work;

    Path drop;

    @BeforeEach
    void createDropFolder() throws IOException {
        drop = work.resolve("sources/mis/staff");
        Files.createDirectories(drop);
        Files.copy(SeededDefectsTest.SAMPLE.resolve("framework.yaml"), work.resolve("framework.yaml"));
        configure("");
    }

    @Test
    void aColumnTheContractLacksIsLeftOutAndTheRestLands() throws IOException {
        write("staff.csv", HEADER + ",shoe_size\n" + GOOD + ",9\n");

        List<ExtractRunner.Outcome> outcomes = extract();

        assertThat(outcomes).extracting(ExtractRunner.Outcome::status, ExtractRunner.Outcome::written)
                .containsExactly(tuple("LANDED", 1L));
        assertThat(landed()).singleElement().satisfies(row -> assertThat(row).doesNotContainKey("shoe_size"));
    }

    @Test
    void aMissingColumnStopsTheLoadNamingTheFileAndColumn() throws IOException {
        write("staff.csv", HEADER.replace(",trn", "") + "\n" + GOOD.replace(",1000001", "") + "\n");

        List<ExtractRunner.Outcome> outcomes = extract();

        assertThat(outcomes).extracting(ExtractRunner.Outcome::status).containsExactly("FAILED");
        assertThat(outcomes.get(0).message()).isEqualTo("Cannot read staff drop of school 100001 file staff.csv: "
                + "column trn missing (line 1); fix: add the column to the export, empty where unknown");
        assertThat(landed()).isEmpty();
    }

    @Test
    void aCutOffLastLineAndForeignBytesAreRejectedLineByLine() throws IOException {
        byte[] latin1 = (SECOND.replace("Ben", "Bén") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] start = (HEADER + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] cut = "A03,1000003,a03@alpha.sch.uk,Cara,Co".getBytes(StandardCharsets.UTF_8);
        Files.write(drop.resolve("staff.csv"), concat(start, latin1, cut));

        extract();

        assertThat(rejects()).extracting(row -> row.get("source_position"), row -> row.get("reason"))
                .containsExactlyInAnyOrder(
                        tuple(3L, "line has bytes that are not UTF-8; fix: export the file as UTF-8"),
                        tuple(4L, "line has 5 fields but the header has 12"));
        assertThat(landed()).hasSize(1);
    }

    @Test
    void aStrayQuoteSpoilsOnlyItsOwnLine() throws IOException {
        write("staff.csv", HEADER + "\n" + GOOD.replace("Ada", "\"Ada") + "\n" + SECOND + "\n");

        extract();

        assertThat(rejects()).extracting(row -> row.get("source_position")).containsExactly(2L);
        assertThat(rejects().get(0).get("reason")).isEqualTo("line has 4 fields but the header has 12");
        assertThat(landed()).extracting(row -> row.get("staff_id")).containsExactly("A02");
    }

    @Test
    void aFileWithoutItsCompletionMarkerWaitsForTheNextRun() throws IOException {
        configure("completion_marker: .done");
        write("staff.csv", HEADER + "\n" + GOOD + "\n");

        List<ExtractRunner.Outcome> before = extract();
        write("staff.csv.done", "");
        List<ExtractRunner.Outcome> after = extract();

        assertThat(before).extracting(ExtractRunner.Outcome::status).containsExactly("NOTHING NEW");
        assertThat(after).extracting(ExtractRunner.Outcome::written).containsExactly(1L);
    }

    @Test
    void aFileStillChangingIsLeftUntilItSettles() throws IOException {
        configure("settle_seconds: 60");
        write("staff.csv", HEADER + "\n" + GOOD + "\n");

        List<ExtractRunner.Outcome> growing = extract();
        Files.setLastModifiedTime(drop.resolve("staff.csv"), FileTime.from(Instant.now().minusSeconds(120)));
        List<ExtractRunner.Outcome> settled = extract();

        assertThat(growing).extracting(ExtractRunner.Outcome::status).containsExactly("NOTHING NEW");
        assertThat(settled).extracting(ExtractRunner.Outcome::written).containsExactly(1L);
    }

    @Test
    void takenFilesAreArchivedAfterTheLoadCommits() throws IOException {
        configure("archive: true");
        write("staff.csv", HEADER + "\n" + GOOD + "\n");

        extract();
        List<ExtractRunner.Outcome> rerun = extract();

        assertThat(drop.resolve("staff.csv")).doesNotExist();
        assertThat(drop.resolve("archive/2025-01-10/staff.csv")).exists();
        assertThat(rerun).extracting(ExtractRunner.Outcome::status).containsExactly("NOTHING NEW");
    }

    @Test
    void tooManyRejectsFailTheLoadWithTheFirstReasonsAndLandNothingForSilver() throws IOException {
        StringBuilder file = new StringBuilder(HEADER + "\n" + GOOD + "\n");
        for (int line = 0; line < 12; line++) {
            file.append("B").append(line)
                    .append(",,b@x.uk,Bo,Bell,Head,headmaster,,2020-09-01,,,2024-12-01T08:00:00Z\n");
        }
        write("staff.csv", file.toString());

        List<ExtractRunner.Outcome> outcomes = extract();

        assertThat(outcomes).extracting(ExtractRunner.Outcome::status).containsExactly("FAILED");
        assertThat(outcomes.get(0).message()).startsWith("Cannot land mis/staff for school 100001: 12 of 13 records "
                        + "rejected (92.3%, more than the 5.0% allowed); first reasons: staff.csv line 3: role_level "
                        + "'headmaster' is not one of")
                .endsWith("fix: correct the source, or raise extract.max_reject_share in trust.yaml");
        assertThat(StaffExtractJobTest.rows(work.resolve("lake/bronze/load_manifests")))
                .extracting(row -> row.get("status")).containsExactly("failed");
    }

    private void configure(String dropSettings) throws IOException {
        Files.writeString(work.resolve("trust.yaml"), """
                trust: {name: Drop Trust, code: drops}
                framework: framework.yaml
                schools:
                  - urn: 100001
                    name: Alpha Primary
                    phase: primary
                    region: North
                    joined_on: 2015-09-01
                    sources:
                      mis: {kind: files, format: csv, location: sources/mis%s}
                storage:
                  root: lake
                """.formatted(dropSettings.isEmpty() ? "" : ", " + dropSettings));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(drop.resolve(name), text);
    }

    private List<ExtractRunner.Outcome> extract() {
        try (ConfigurableApplicationContext context = SpringApplication.run(ExtractApplication.class,
                "--insights.config=" + work.resolve("trust.yaml"), "--insights.load-date=2025-01-10",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs"))) {
            return context.getBean(ExtractRunner.class).outcomes();
        }
    }

    private List<Map<String, Object>> landed() {
        return StaffExtractJobTest.rows(work.resolve("lake/bronze/mis_staff"));
    }

    private List<Map<String, Object>> rejects() {
        return StaffExtractJobTest.rows(work.resolve("lake/bronze/rejects"));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
