package org.trustinsights.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustinsights.InsightsException;

class ContractsTest {

    static final Path PROJECT_SCHEMAS = Path.of(System.getProperty("insights.repository", "../.."), "schemas");

    private static final String LEADER = """
            table: silver.leader
            grain: one row per leader per role spell
            columns:
              - name: leader_key
                type: string
                nullable: false
                personal: pseudonymous
              - name: school_urn
                type: int
                rules:
                  references: silver.school.school_urn
            primary_key: [leader_key]
            """;

    private static final String SCHOOL = """
            table: silver.school
            grain: one row per school
            columns:
              - name: school_urn
                type: int
            primary_key: [school_urn]
            """;

    @TempDir
    Path schemas;

    @Test
    void projectContractsAllLoad() {
        Contracts contracts = Contracts.load(PROJECT_SCHEMAS);

        assertThat(contracts.get("bronze.mis_staff").sourceColumns()).extracting(Column::name)
                .startsWith("staff_id", "trn", "email")
                .doesNotContain("load_id", "school_urn");
        assertThat(contracts.bronze("mis", "staff").table()).isEqualTo("bronze.mis_staff");
        assertThat(contracts.get("gold.leader_headcount").primaryKey())
                .containsExactly("academic_year", "school_urn", "role_level");
    }

    @Test
    void namesOnlyLiveInBronzeAndRestrictedTables() {
        Contracts contracts = Contracts.load(PROJECT_SCHEMAS);

        assertThat(contracts.all())
                .filteredOn(table -> table.columns().stream().anyMatch(Column::isDirectlyPersonal))
                .extracting(TableContract::layer)
                .containsOnly("bronze", "restricted");
    }

    @Test
    void loadsAValidPairAndResolvesReferences() throws IOException {
        write("silver/leader.yaml", LEADER);
        write("silver/school.yaml", SCHOOL);

        Contracts contracts = Contracts.load(schemas);

        assertThat(contracts.all()).extracting(TableContract::table).containsExactly("silver.leader", "silver.school");
        assertThat(contracts.get("silver.leader").column("leader_key").orElseThrow().personal())
                .isEqualTo(Personal.PSEUDONYMOUS);
    }

    @Test
    void rejectsAReferenceToAMissingTable() throws IOException {
        write("silver/leader.yaml", LEADER);

        assertThatThrownBy(() -> Contracts.load(schemas))
                .isInstanceOf(InsightsException.class)
                .hasMessage("Invalid contract silver/leader.yaml: columns.school_urn.rules.references: "
                        + "'silver.school.school_urn' names no contract's column; fix: write <layer>.<table>.<column>");
    }

    @Test
    void rejectsAPrimaryKeyColumnThatDoesNotExist() throws IOException {
        write("silver/school.yaml", SCHOOL.replace("[school_urn]", "[school_id]"));

        assertThatThrownBy(() -> Contracts.load(schemas))
                .hasMessage("Invalid contract silver/school.yaml: primary_key: 'school_id' is not a column of silver.school");
    }

    @Test
    void rejectsANameOutsideTheRestrictedLayer() throws IOException {
        write("silver/school.yaml", SCHOOL.replace("primary_key", """
                  - name: head_name
                    type: string
                    personal: direct
                primary_key"""));

        assertThatThrownBy(() -> Contracts.load(schemas))
                .hasMessageContaining("columns[1].personal: column 'head_name' names a person, which only bronze and restricted tables may hold");
    }

    @Test
    void rejectsAMisspeltKeyAndAnUnknownType() throws IOException {
        write("silver/school.yaml", SCHOOL.replace("type: int", "typ: int"));

        assertThatThrownBy(() -> Contracts.load(schemas))
                .hasMessageStartingWith("Cannot read contract silver/school.yaml: at columns[0]")
                .hasMessageContaining("\"typ\"");

        write("silver/school.yaml", SCHOOL.replace("type: int", "type: integer"));

        assertThatThrownBy(() -> Contracts.load(schemas))
                .hasMessageContaining("unknown column type 'integer'; use one of string, int, long, double, boolean, date, timestamp");
    }

    @Test
    void rejectsATableNamedUnlikeItsFile() throws IOException {
        write("gold/school.yaml", SCHOOL);

        assertThatThrownBy(() -> Contracts.load(schemas))
                .hasMessage("Invalid contract gold/school.yaml: table: 'silver.school' does not match the file's path; "
                        + "fix: name it gold.school");
    }

    @Test
    void driftNamesAColumnMissingFromEitherSide() throws IOException {
        write("silver/school.yaml", SCHOOL.replace("primary_key", """
                  - name: school_name
                    type: string
                primary_key"""));
        TableContract school = Contracts.load(schemas).get("silver.school");

        List<String> extraColumn = SchemaDrift.differences(school, List.of(
                new SchemaDrift.ProducedColumn("school_urn", ColumnType.INT),
                new SchemaDrift.ProducedColumn("school_name", ColumnType.STRING),
                new SchemaDrift.ProducedColumn("head_count", ColumnType.INT)));
        List<String> missingColumn = SchemaDrift.differences(school, List.of(
                new SchemaDrift.ProducedColumn("school_urn", ColumnType.LONG)));

        assertThat(extraColumn).containsExactly("silver.school has column 'head_count' that its contract lacks; "
                + "fix: add it to schemas/silver/school.yaml");
        assertThat(missingColumn).containsExactly(
                "silver.school.school_urn is long but its contract says int",
                "silver.school lacks column 'school_name' that its contract lists; "
                        + "fix: produce it or remove it from schemas/silver/school.yaml");
    }

    private void write(String path, String text) throws IOException {
        Path file = schemas.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
