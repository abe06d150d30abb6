package org.trustinsights.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustinsights.sample.drop.DefectKind;
import org.trustinsights.sample.world.School;

class SeededDefectsTest {

    private final SampleGenerator.Generated sample = Samples.defaultScale();
    private final Path root = sample.summary().output();

    @Test
    void defaultScaleSeedsFourOfEachKind() {
        JsonNode manifest = DropReader.json(root.resolve("defects.json"));

        assertThat(manifest.get("total").asInt()).isEqualTo(20);
        for (DefectKind kind : DefectKind.values()) {
            assertThat(manifest.get("counts").get(kind.code()).asInt()).as(kind.code())
                    .isEqualTo(4);
        }
        assertThat(manifest.get("defects")).hasSize(20);
    }

    @Test
    void everyDefectIsWhereTheManifestSaysIt() {
        for (JsonNode defect : DropReader.json(root.resolve("defects.json")).get("defects")) {
            String location = defect.get("location").asText();
            if (location.equals("jdbc:STAFF")) {
                checkTableDefect(defect);
            } else if (location.endsWith(".csv")) {
                checkCsvDefect(defect);
            } else {
                checkJsonLineDefect(defect);
            }
        }
    }

    @Test
    void missingKeysAreSeededInStaffFilesStaffTablesAndResponses() {
        Set<String> places = defects("missing_key").stream()
                .map(defect -> defect.get("entity").asText() + " "
                        + defect.get("location").asText().replaceAll(".*\\.", ""))
                .collect(Collectors.toSet());

        assertThat(places).contains("staff csv", "staff jdbc:STAFF", "responses gz");
    }

    @Test
    void responsesHoldNoDefectsBesidesThoseListed() {
        long listed = defects("score_out_of_scale").size() + defects("missing_key").stream()
                .filter(defect -> defect.get("entity").asText().equals("responses")).count();

        long found = DropReader.find(root, "sources/*/diagnostics/responses/*.jsonl.gz").stream()
                .flatMap(file -> DropReader.jsonLines(file).stream())
                .filter(line -> line.get("sitting_id").isNull()
                        || line.get("score").asInt() < 1 || line.get("score").asInt() > 5)
                .count();

        assertThat(found).isEqualTo(listed).isPositive();
    }

    @Test
    void staffFilesHoldNoDefectsBesidesThoseListed() {
        long listed = defects("malformed_date").size() + defects("missing_key").stream()
                .filter(defect -> defect.get("location").asText().endsWith(".csv")).count();

        long found = DropReader.find(root, "sources/*/mis/staff/staff.csv").stream()
                .flatMap(file -> DropReader.csv(file).stream())
                .filter(row -> row.get("staff_id").isEmpty() || !isDate(row.get("role_start_date")))
                .count();

        assertThat(found).isEqualTo(listed).isPositive();
    }

    @Test
    void csvDropsRepeatNoLinesBesidesTheListedDuplicates() {
        long repeated = 0;
        for (Path file : DropReader.find(root, "sources/*/*/*/*.csv")) {
            List<String> lines = DropReader.lines(file);
            repeated += lines.size() - new HashSet<>(lines).size();
        }

        assertThat(repeated).isEqualTo(defects("duplicate_row").size());
    }

    @Test
    void noDefectsOptionSeedsNone(@TempDir Path output) {
        SampleOptions small = Samples.small(output, 42);

        SampleGenerator.generate(new SampleOptions(output, small.schools(), small.leaders(),
                small.years(), small.seed(), small.lastYear(), false, false));

        JsonNode manifest = DropReader.json(output.resolve("defects.json"));
        assertThat(manifest.get("total").asInt()).isZero();
        assertThat(manifest.get("defects")).isEmpty();
        assertThat(DropReader.find(output, "sources/*/diagnostics/responses/*.jsonl.gz").stream()
                .flatMap(file -> DropReader.jsonLines(file).stream())
                .map(line -> line.get("score").asInt()))
                .isNotEmpty()
                .allMatch(score -> score >= 1 && score <= 5);
    }

    private void checkCsvDefect(JsonNode defect) {
        List<String> lines = DropReader.lines(root.resolve(defect.get("location").asText()));
        int position = defect.get("position").asInt();
        String line = lines.get(position - 1);
        Map<String, String> row = DropReader.csvLine(lines.get(0), line);
        assertKey(defect, row);

        switch (defect.get("kind").asText()) {
            case "duplicate_row" -> {
                String reason = defect.get("expected_reason").asText();
                int original = Integer.parseInt(reason.replaceAll("\\D", ""));
                assertThat(original).isLessThan(position);
                assertThat(lines.get(original - 1)).isEqualTo(line);
            }
            case "malformed_date" ->
                    assertThat(isDate(row.get("role_start_date"))).as(line).isFalse();
            case "missing_key" -> assertThat(row.get("staff_id")).as(line).isEmpty();
            case "unknown_school_urn" ->
                    assertThat(trustUrns()).doesNotContain(row.get("mentor_school_urn"));
            default -> throw new AssertionError("Unexpected defect in a CSV drop: " + defect);
        }
    }

    private void checkJsonLineDefect(JsonNode defect) {
        List<String> lines = DropReader.lines(root.resolve(defect.get("location").asText()));
        JsonNode line = DropReader.json(lines.get(defect.get("position").asInt() - 1));
        defect.get("key").fields().forEachRemaining(key ->
                assertThat(line.get(key.getKey())).as(key.getKey()).isEqualTo(key.getValue()));

        switch (defect.get("kind").asText()) {
            case "score_out_of_scale" -> assertThat(line.get("score").asInt()).isIn(0, 7);
            case "missing_key" -> assertThat(line.get("sitting_id").isNull()).isTrue();
            default -> throw new AssertionError("Unexpected defect in a JSON-lines drop: "
                    + defect);
        }
    }

    private void checkTableDefect(JsonNode defect) {
        Path school = root.resolve("sources").resolve(defect.get("school_urn").asText());
        int position = defect.get("position").asInt();
        Map<String, String> row = DropReader.staffTable(school.resolve("mis")).get(position - 1);

        assertThat(defect.get("kind").asText()).isEqualTo("missing_key");
        assertThat(row.get("staff_id")).isNull();
        assertThat(defect.get("key").get("staff_id").isNull()).isTrue();
        assertThat(row.get("role_start_date"))
                .isEqualTo(defect.get("key").get("role_start_date").asText());
    }

    private static void assertKey(JsonNode defect, Map<String, String> row) {
        defect.get("key").fields().forEachRemaining(key ->
                assertThat(row.get(key.getKey())).as(key.getKey())
                        .isEqualTo(key.getValue().asText()));
    }

    private List<JsonNode> defects(String kind) {
        List<JsonNode> found = new ArrayList<>();
        DropReader.json(root.resolve("defects.json")).get("defects").forEach(defect -> {
            if (defect.get("kind").asText().equals(kind)) {
                found.add(defect);
            }
        });
        return found;
    }

    private Set<String> trustUrns() {
        return sample.trust().schools().stream()
                .map(School::urn)
                .map(String::valueOf)
                .collect(Collectors.toSet());
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
