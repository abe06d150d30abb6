package org.trustinsights.warehouse.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/insights transform}'s entry point on a standalone cluster with spark-submit. */
public final class SparkSubmit {

    private static final Path REPOSITORY = Path.of(System.getProperty("insights.repository", "../.."))
            .toAbsolutePath().normalize();
    private static final Path WAREHOUSE = REPOSITORY.resolve("jobs/warehouse");

    private SparkSubmit() {}

    /** Starts a master and two workers, submits the transform, and returns the driver's output. */
    public static String transformOnCluster(Path folder, Path config, LocalDate asOf, String pseudonymSecret)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        try (StandaloneCluster cluster = StandaloneCluster.start(folder, WAREHOUSE.resolve("target/lib"), 2)) {
            List<String> command = new ArrayList<>(List.of(StandaloneCluster.java(), "-Xmx1g", "-Duser.timezone=UTC",
                    "@" + WAREHOUSE.resolve("spark-java17.options"),
                    "-cp", cluster.sparkHome().resolve("jars") + "/*",
                    "org.apache.spark.deploy.SparkSubmit",
                    "--master", cluster.url(),
                    "--deploy-mode", "client",
                    "--conf", "spark.driver.host=127.0.0.1",
                    "--conf", "spark.driver.bindAddress=127.0.0.1",
                    "--conf", "spark.executor.memory=512m",
                    "--conf", "spark.executor.cores=1",
                    "--conf", "spark.cores.max=2",
                    "--conf", "spark.executor.extraJavaOptions=" + executorOptions() + " -Duser.timezone=UTC",
                    "--class", "org.trustinsights.warehouse.WarehouseCommand",
                    clusterJar().toString(),
                    "transform", "--config", config.toString(), "--as-of", asOf.toString()));
            Path output = folder.resolve("driver.log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(cluster.environment());
            builder.environment().put("INSIGHTS_HOME", REPOSITORY.toString());
            builder.environment().put("INSIGHTS_PSEUDONYM_KEY", pseudonymSecret);
            Process driver = builder.start();
            if (!driver.waitFor(20, TimeUnit.MINUTES) || driver.exitValue() != 0) {
                driver.destroyForcibly();
                throw new IllegalStateException("spark-submit failed:\n" + Files.readString(output)
                        + "\nworker 1:\n" + cluster.log("worker-1"));
            }
            return Files.readString(output);
        }
    }

    private static Path clusterJar() throws IOException {
        try (var jars = Files.list(WAREHOUSE.resolve("target"))) {
            return jars.filter(path -> path.getFileName().toString().endsWith("-cluster.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No cluster jar in " + WAREHOUSE.resolve("target")
                            + "; build it first (mvn verify packages it before the integration tests)"));
        }
    }

    private static String executorOptions() throws IOException {
        return String.join(" ", Files.readAllLines(WAREHOUSE.resolve("spark-java17.options")));
    }
}
