package org.trustinsights.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DataDictionaryTest {

    private static final Path COMMITTED = ContractsTest.PROJECT_SCHEMAS.resolveSibling("docs").resolve("tables.md");

    @Test
    void committedDictionaryMatchesTheContracts() throws IOException {
        String rendered = DataDictionary.render(Contracts.load(ContractsTest.PROJECT_SCHEMAS));

        assertThat(Files.readString(COMMITTED))
                .as("docs/tables.md is out of date; run bin/insights docs")
                .isEqualTo(rendered);
    }

    @Test
    void describesGrainKeysPersonalDataAndRules() {
        String rendered = DataDictionary.render(Contracts.load(ContractsTest.PROJECT_SCHEMAS));

        assertThat(rendered)
                .contains("### bronze.mis_staff")
                .contains("Grain: one row per role spell of a staff member")
                .contains("| `email` | string |  | direct |")
                .contains("Key: `academic_year`, `school_urn`, `role_level`.")
                .contains("`role_ends_after_start` (error)");
    }
}
