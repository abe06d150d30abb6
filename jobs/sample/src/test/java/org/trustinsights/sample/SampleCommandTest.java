package org.trustinsights.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustinsights.InsightsException;

import picocli.CommandLine;

class SampleCommandTest {

    @Test
    void commandWritesTheSampleAndSummarisesIt(@TempDir Path output) {
        String printed = run("--out", output.toString(), "--schools", "2", "--leaders", "12",
                "--years", "1", "--seed", "5");

        assertThat(printed).contains("Wrote a sample trust to " + output.toAbsolutePath(),
                "2 schools, 12 leadership posts", "diagnostics/responses", "defects seeded:");
        assertThat(output.resolve("trust.yaml")).exists();
        assertThat(output.resolve("framework.yaml")).exists();
        assertThat(output.resolve("defects.json")).exists();
    }

    @Test
    void refusesAFolderThatAlreadyHoldsASample(@TempDir Path output) {
        SampleOptions options = Samples.small(output, 1);
        SampleGenerator.generate(options);

        assertThatThrownBy(() -> SampleGenerator.generate(options))
                .isInstanceOf(InsightsException.class)
                .hasMessage("Cannot write a sample trust into " + output
                        + ": it already holds trust.yaml; fix: pass --overwrite to replace the "
                        + "sample, or choose an empty folder");
    }

    @Test
    void overwriteReplacesOnlyTheSample(@TempDir Path output) throws Exception {
        Files.writeString(output.resolve("notes.txt"), "kept");
        SampleOptions first = Samples.small(output, 1);
        SampleGenerator.generate(first);

        SampleGenerator.generate(new SampleOptions(output, 3, 20, 1, 2, 2025, true, true));

        assertThat(output.resolve("notes.txt")).hasContent("kept");
        assertThat(Files.readString(output.resolve("trust.yaml")))
                .contains("3 schools, 20 leaders, 1 years");
        assertThat(DropReader.find(output, "sources/*/mis/**")).isNotEmpty();
    }

    @Test
    void rejectsTooFewLeadersForTheSchools() {
        Path unused = Path.of("unused");

        assertThatThrownBy(() -> new SampleOptions(unused, 8, 20, 3, 42, 2025, true, false))
                .isInstanceOf(InsightsException.class)
                .hasMessage("Cannot generate a sample trust: --leaders '20' is not valid; fix: use "
                        + "41 to 100000 leaders for 8 schools (five posts a school and an "
                        + "executive head per ten schools)");
    }

    @Test
    void commandReportsABadOptionWithoutAStackTrace(@TempDir Path output) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = new CommandLine(new SampleCommand())
                    .execute("--out", output.toString(), "--years", "0");
        } finally {
            System.setErr(standardError);
        }

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Cannot generate a sample trust: --years '0' is not valid; fix: use 1 to 10 years"
                        + System.lineSeparator());
    }

    private static String run(String... arguments) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new SampleCommand()).execute(arguments)).isZero();
        } finally {
            System.setOut(standardOutput);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
