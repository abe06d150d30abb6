package org.trustinsights.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the extract application in a JVM of its own, as bin/insights does, with its own
 * environment (tokens and passwords are only ever read from the environment).
 */
record ExtractProcess(Process process, Path log) {

    /** How a finished process ended, and what it printed. */
    record Result(int exitCode, String output) {}

    static ExtractProcess start(Path work, Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("extract.heap", "256m"),
                "-Duser.timezone=UTC", "-Dinsights.home=" + StaffExtractJobTest.REPOSITORY.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), ExtractApplication.class.getName(),
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs")));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(work, "extract", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ExtractProcess(builder.start(), log);
    }

    static Result run(Path work, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        return start(work, environment, arguments).finish();
    }

    Result finish() throws IOException, InterruptedException {
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The extract did not finish in 180 s:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
