package org.trustinsights.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The committed sample trust, extracted whole: every defect the generator seeded and listed in
 * defects.json is in bronze.rejects with the right reason, and nothing else is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeededDefectsTest {

    static final Path SAMPLE = StaffExtractJobTest.REPOSITORY.resolve("config/sample");

    /** What our reject reasons say for each kind of seeded defect. */
    static final Map<String, String> REASONS = Map.of(
            "duplicate_row", "duplicate of an earlier record in this load",
            "unknown_school_urn", "is not a school of the trust",
            "score_out_of_scale", "is outside 1..5",
            "malformed_date", "is not a date (yyyy-MM-dd)",
            "missing_key", "is empty but required");

    @TempDir
    static Path work;

    List<ExtractRunner.Outcome> outcomes;
    List<Map<String, Object>> rejects;
    JsonNode defects;

    @BeforeAll
    void extractTheSample() throws IOException {
        Path trust = work.resolve("trust");
        TestFiles.copyFolder(SAMPLE, trust);
        Files.writeString(trust.resolve("trust.yaml"),
                Files.readString(trust.resolve("trust.yaml")) + "storage:\n  root: " + work.resolve("lake") + "\n");
        try (ConfigurableApplicationContext context = SpringApplication.run(ExtractApplication.class,
                "--insights.config=" + trust.resolve("trust.yaml"), "--insights.load-date=2026-09-01",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs"))) {
            outcomes = context.getBean(ExtractRunner.class).outcomes();
        }
        rejects = StaffExtractJobTest.rows(work.resolve("lake/bronze/rejects"));
        defects = new ObjectMapper().readTree(SAMPLE.resolve("defects.json").toFile()).get("defects");
    }

    @Test
    void everySchoolAndEntityLands() {
        assertThat(outcomes).hasSize(8 * 9).extracting(ExtractRunner.Outcome::status).containsOnly("LANDED");
    }

    @Test
    void everySeededDefectIsRejectedWithItsReason() {
        for (JsonNode defect : defects) {
            String kind = defect.get("kind").asText();

            assertThat(rejects).as("%s", defect)
                    .anySatisfy(reject -> {
                        assertThat(reject.get("entity")).isEqualTo(defect.get("entity").asText());
                        assertThat(reject.get("reason")).asString().contains(REASONS.get(kind));
                        assertThat(sameRecord(reject, defect)).isTrue();
                    });
        }
    }

    @Test
    void nothingButTheSeededDefectsIsRejected() {
        assertThat(rejects).hasSize(defects.size());
    }

    /** Files are matched on name and line; a database row on its key, as its order is the query's. */
    private static boolean sameRecord(Map<String, Object> reject, JsonNode defect) {
        String location = defect.get("location").asText();
        String raw = (String) reject.get("raw_record");
        if (location.startsWith("jdbc:")) {
            return reject.get("source_location").equals("jdbc:staff")
                    && raw.contains("role_start_date=" + defect.get("key").get("role_start_date").asText())
                    && raw.contains("staff_id=null");
        }
        return location.endsWith("/" + reject.get("source_location"))
                && location.contains("/" + reject.get("school_urn") + "/")
                && ((Long) reject.get("source_position")) == defect.get("position").asLong();
    }
}
