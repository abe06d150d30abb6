package org.trustinsights.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.contract.Contracts;
import org.trustinsights.warehouse.lake.Lakehouse;

/**
 * What warehouse tests share: one small Spark session for the whole test JVM, the project's
 * contracts, and a way to land a trust's drops with the real extract job.
 */
final class TestLake {

    static final Path REPOSITORY = Path.of(System.getProperty("insights.repository", "../..")).toAbsolutePath().normalize();
    static final Path TINY_TRUST = REPOSITORY.resolve("jobs/testdata/tiny-trust");
    static final Path EXTRACT_JAR = REPOSITORY.resolve("jobs/extract/target/insights-extract-0.1.0-SNAPSHOT.jar");
    static final Contracts CONTRACTS = Contracts.load(REPOSITORY.resolve("schemas"));

    private static SparkSession spark;

    private TestLake() {}

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = Lakehouse.session("insights-tests", Map.of(
                    "spark.master", "local[2]",
                    "spark.sql.shuffle.partitions", "2",
                    "spark.default.parallelism", "2",
                    "spark.databricks.delta.snapshotPartitions", "1",
                    "spark.sql.warehouse.dir", tempFolder("spark-warehouse").toString()));
        }
        return spark;
    }

    /** Copies a trust folder into {@code work/trust}, pointing its lake at {@code work/lake}. */
    static Path copyTrust(Path trust, Path work) throws IOException {
        Path target = work.resolve("trust");
        try (Stream<Path> paths = Files.walk(trust)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(trust.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        Path config = target.resolve("trust.yaml");
        Files.writeString(config, Files.readString(config) + "storage:\n  root: " + work.resolve("lake") + "\n");
        return config;
    }

    /** Runs the real extract job, in its own JVM as in production, and returns its output. */
    static String extract(Path config, Path work, String loadDate) {
        if (!Files.exists(EXTRACT_JAR)) {
            throw new IllegalStateException("No extract jar at " + EXTRACT_JAR
                    + "; build it first (mvn verify builds it before the warehouse tests)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-Duser.timezone=UTC",
                "-Dinsights.home=" + REPOSITORY,
                "-jar", EXTRACT_JAR.toString(),
                "--insights.config=" + config, "--insights.load-date=" + loadDate,
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs")));
        try {
            Path output = Files.createTempFile(work, "extract", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Extract failed:\n" + Files.readString(output));
            }
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Lakehouse lakehouse(Path config) {
        return new Lakehouse(spark(), CONTRACTS, TrustConfig.load(config).lakeRoot());
    }

    private static Path tempFolder(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
