package org.trustinsights.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.trustinsights.config.SourceConfig;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.sample.drop.Entity;

class SampleLayoutTest {

    private static final String STAFF_HEADER = "staff_id,trn,email,given_name,family_name,"
            + "role_title,role_level,line_manager_staff_id,role_start_date,role_end_date,npq,"
            + "updated_at";

    private final SampleGenerator.Generated sample = Samples.defaultScale();
    private final Path root = sample.summary().output();

    @Test
    void staffDropsHaveExactlyTheStaffColumns() {
        List<Path> files = DropReader.find(root, "sources/*/mis/staff/staff.csv");
        List<Path> databases = DropReader.find(root, "sources/*/mis/mis.mv.db");

        assertThat(files).isNotEmpty();
        assertThat(databases).isNotEmpty();
        assertThat(files.size() + databases.size()).isEqualTo(8);
        files.forEach(file -> assertThat(DropReader.lines(file).get(0)).as(file.toString())
                .isEqualTo(STAFF_HEADER));
        databases.forEach(database -> assertThat(String.join(",",
                DropReader.staffTable(database.getParent()).get(0).keySet()))
                .isEqualTo(STAFF_HEADER));
    }

    @Test
    void everyDropHasItsEntitysColumnsInOrder() {
        for (Entity entity : Entity.values()) {
            String folder = "sources/*/" + entity.system() + "/" + entity.entity() + "/";
            for (Path file : DropReader.find(root, folder + "*.csv")) {
                assertThat(DropReader.lines(file).get(0)).as(file.toString())
                        .isEqualTo(String.join(",", entity.columns()));
            }
            for (Path file : DropReader.find(root, folder + "*.jsonl*")) {
                DropReader.jsonLines(file).stream().limit(1).forEach(line ->
                        assertThat(fieldNames(line)).as(file.toString())
                                .isEqualTo(entity.columns()));
            }
        }
    }

    @Test
    void entityColumnsMatchTheLandingContracts() {
        Path bronze = repository().resolve("schemas").resolve("bronze");
        Assumptions.assumeTrue(Files.isDirectory(bronze), "no landing contracts in " + bronze);

        for (Entity entity : Entity.values()) {
            Path contract = bronze.resolve(entity.system() + "_" + entity.entity() + ".yaml");
            assertThat(contract).exists();
            assertThat(sourceColumns(contract)).as(contract.toString()).isEqualTo(entity.columns());
        }
    }

    @Test
    void frameworkHasFiftyFourBehavioursOfThreeItemsInFiveDomains() {
        JsonNode framework = yaml(root.resolve("framework.yaml"));
        Map<String, Integer> behavioursByDomain = new HashMap<>();
        Set<String> itemIds = new HashSet<>();

        for (JsonNode domain : framework.get("domains")) {
            for (JsonNode behaviour : domain.get("behaviours")) {
                behavioursByDomain.merge(domain.get("code").asText(), 1, Integer::sum);
                assertThat(behaviour.get("code").asText()).startsWith(domain.get("code").asText());
                assertThat(behaviour.get("items")).hasSize(3);
                behaviour.get("items").forEach(item -> {
                    assertThat(item.get("id").asText())
                            .startsWith(behaviour.get("code").asText() + "-");
                    itemIds.add(item.get("id").asText());
                });
            }
        }

        assertThat(behavioursByDomain).containsExactlyInAnyOrderEntriesOf(
                Map.of("S", 15, "C", 12, "L", 12, "T", 8, "Y", 7));
        assertThat(itemIds).hasSize(162);
    }

    @Test
    void trustYamlLoadsWithTheTrustConfiguration() throws SQLException {
        TrustConfig config = TrustConfig.load(root.resolve("trust.yaml"));

        assertThat(config.trust().name()).isEqualTo("Kestrel Valley Learning Trust");
        assertThat(config.schools()).hasSize(8);
        assertThat(config.framework().behaviours()).hasSize(54);
        assertThat(config.priorities()).hasSize(3);
        SourceConfig database = config.schools().stream()
                .map(school -> school.sources().get("mis"))
                .filter(source -> source.kind().equals("jdbc"))
                .findFirst()
                .orElseThrow();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                        "");
                ResultSet count = connection.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM STAFF")) {
            count.next();
            assertThat(count.getInt(1)).isPositive();
        }
    }

    @Test
    void lateJoiningSchoolsHaveNoRowsBeforeJoining() {
        Map<String, LocalDate> lateJoiners = lateJoiners();
        assertThat(lateJoiners).isNotEmpty();

        for (Map.Entry<String, LocalDate> school : lateJoiners.entrySet()) {
            Path folder = root.resolve("sources").resolve(school.getKey());
            List<Path> files = DropReader.find(folder, "**");
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                assertThat(file.getFileName().toString()).doesNotContain("2023-24", "2024-25");
                datesIn(file).forEach(date ->
                        assertThat(date).as(file.toString()).isAfterOrEqualTo(school.getValue()));
            }
        }
    }

    @Test
    void eachSchoolHasOneHeadAndOneToThreeDeputiesOnEveryCensusDay() {
        for (Map.Entry<String, List<Map<String, String>>> school : staffBySchool().entrySet()) {
            for (int year = 2023; year <= 2025; year++) {
                LocalDate census = LocalDate.of(year, 11, 1);
                List<String> levels = school.getValue().stream()
                        .filter(spell -> covers(spell, census))
                        .map(spell -> spell.get("role_level"))
                        .toList();
                if (levels.isEmpty()) {
                    continue;
                }
                String where = school.getKey() + " on " + census;
                assertThat(levels.stream().filter("headteacher"::equals).count()).as(where)
                        .isEqualTo(1);
                assertThat(levels.stream().filter("deputy_head"::equals).count()).as(where)
                        .isBetween(1L, 3L);
                assertThat(levels).as(where).contains("assistant_head", "middle_leader");
            }
        }
    }

    @Test
    void lineManagersFollowTheSchoolsStructure() {
        Map<String, Set<String>> expected = Map.of(
                "middle_leader", Set.of("assistant_head", "deputy_head"),
                "assistant_head", Set.of("headteacher"),
                "deputy_head", Set.of("headteacher"),
                "headteacher", Set.of("executive_head"));
        int checked = 0;

        for (List<Map<String, String>> staff : staffBySchool().values()) {
            for (Map<String, String> spell : staff) {
                String manager = spell.get("line_manager_staff_id");
                if (manager == null || manager.isEmpty()) {
                    continue;
                }
                Set<String> managerLevels = levelsOf(staff, manager, asAt(spell));
                assertThat(managerLevels).as(spell.toString())
                        .containsAnyElementsOf(expected.get(spell.get("role_level")));
                checked++;
            }
        }

        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void leadersWhoMoveSchoolKeepTheirTrnButGetANewStaffIdAndEmail() {
        Map<String, Map<String, Set<String>>> identitiesByTrn = new HashMap<>();
        staffBySchool().forEach((urn, staff) -> staff.stream()
                .filter(spell -> spell.get("trn") != null && !spell.get("trn").isEmpty())
                .forEach(spell -> identitiesByTrn
                        .computeIfAbsent(spell.get("trn"), trn -> new HashMap<>())
                        .computeIfAbsent(urn, school -> new LinkedHashSet<>())
                        .add(spell.get("staff_id") + " " + spell.get("email"))));

        List<Map<String, Set<String>>> movers = identitiesByTrn.values().stream()
                .filter(schools -> schools.size() > 1)
                .toList();

        assertThat(movers).isNotEmpty();
        for (Map<String, Set<String>> mover : movers) {
            Set<String> identities = new HashSet<>();
            mover.values().forEach(identities::addAll);
            assertThat(identities).hasSizeGreaterThanOrEqualTo(mover.size());
            Set<String> emails = new HashSet<>();
            identities.forEach(identity ->
                    emails.add(identity.substring(identity.indexOf(' ') + 1)));
            assertThat(emails).hasSizeGreaterThanOrEqualTo(mover.size());
        }
    }

    private Map<String, LocalDate> lateJoiners() {
        Map<String, LocalDate> late = new HashMap<>();
        for (JsonNode school : yaml(root.resolve("trust.yaml")).get("schools")) {
            LocalDate joined = LocalDate.parse(school.get("joined_on").asText());
            if (joined.isAfter(LocalDate.of(2023, 9, 1))) {
                late.put(school.get("urn").asText(), joined);
            }
        }
        return late;
    }

    /** Every date or timestamp in a drop, by the columns ending in _date or _at. */
    private static List<LocalDate> datesIn(Path file) {
        List<Map<String, String>> records = new ArrayList<>();
        String name = file.getFileName().toString();
        if (name.endsWith(".csv")) {
            records.addAll(DropReader.csv(file));
        } else if (name.endsWith(".mv.db")) {
            records.addAll(DropReader.staffTable(file.getParent()));
        } else {
            DropReader.jsonLines(file).forEach(line -> records.add(texts(line)));
        }
        List<LocalDate> dates = new ArrayList<>();
        for (Map<String, String> record : records) {
            record.forEach((column, value) -> {
                boolean dated = column.endsWith("_date") || column.endsWith("_at");
                if (dated && value != null && value.length() >= 10) {
                    parse(value.substring(0, 10)).ifPresent(dates::add);
                }
            });
        }
        return dates;
    }

    /** Each school's staff spells from its CSV drop or database, in the sample without defects. */
    private static Map<String, List<Map<String, String>>> staffBySchool() {
        Path root = Samples.cleanDefaultScale().summary().output();
        Map<String, List<Map<String, String>>> staff = new HashMap<>();
        for (Path file : DropReader.find(root, "sources/*/mis/staff/staff.csv")) {
            staff.put(root.relativize(file).getName(1).toString(), DropReader.csv(file));
        }
        for (Path database : DropReader.find(root, "sources/*/mis/mis.mv.db")) {
            staff.put(root.relativize(database).getName(1).toString(),
                    DropReader.staffTable(database.getParent()));
        }
        return staff;
    }

    private static boolean covers(Map<String, String> spell, LocalDate date) {
        LocalDate start = LocalDate.parse(spell.get("role_start_date"));
        String end = spell.get("role_end_date");
        boolean open = end == null || end.isEmpty();
        return !start.isAfter(date) && (open || !LocalDate.parse(end).isBefore(date));
    }

    private static LocalDate asAt(Map<String, String> spell) {
        String end = spell.get("role_end_date");
        return end == null || end.isEmpty() ? LocalDate.of(2026, 8, 31) : LocalDate.parse(end);
    }

    private static Set<String> levelsOf(List<Map<String, String>> staff, String staffId,
            LocalDate date) {
        Set<String> levels = new HashSet<>();
        staff.stream()
                .filter(spell -> staffId.equals(spell.get("staff_id")) && covers(spell, date))
                .forEach(spell -> levels.add(spell.get("role_level")));
        return levels;
    }

    private static Optional<LocalDate> parse(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> texts(JsonNode line) {
        Map<String, String> texts = new HashMap<>();
        line.fields().forEachRemaining(field -> texts.put(field.getKey(),
                field.getValue().isNull() ? null : field.getValue().asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode line) {
        List<String> names = new ArrayList<>();
        Iterator<String> fields = line.fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }

    /**
     * The contract's source columns, less the platform's {@code deleted} flag: the sample's
     * platform withdraws nothing, and a record without the field reads as not deleted.
     */
    private static List<String> sourceColumns(Path contract) {
        List<String> columns = new ArrayList<>();
        for (JsonNode column : yaml(contract).get("columns")) {
            if (!column.path("lineage").asBoolean(false) && !column.get("name").asText().equals("deleted")) {
                columns.add(column.get("name").asText());
            }
        }
        return columns;
    }

    private static JsonNode yaml(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repository() {
        return Path.of(System.getProperty("insights.repository", "../.."))
                .toAbsolutePath()
                .normalize();
    }
}
