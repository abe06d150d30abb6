package org.trustinsights.warehouse.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on loopback, a master and its workers each in its own JVM, started
 * from the Spark jars in the warehouse's {@code target/lib}. Those jars are linked into a
 * Spark home of the usual layout ({@code jars/}), which is where a worker looks for the
 * classpath of the executors it launches, as on an installed cluster.
 */
final class StandaloneCluster implements AutoCloseable {

    /** Jars the cluster jar carries, so the cluster's own classpath leaves them out. */
    private static final List<String> APPLICATION_JARS = List.of("insights-", "delta-", "deequ-", "picocli-",
            "jackson-dataformat-yaml-", "snakeyaml-");

    private final Path folder;
    private final Path sparkHome;
    private final int masterPort;
    private final List<Process> processes = new ArrayList<>();

    private StandaloneCluster(Path folder, Path sparkHome, int masterPort) {
        this.folder = folder;
        this.sparkHome = sparkHome;
        this.masterPort = masterPort;
    }

    /** Starts a master and {@code workers} workers of one core each, and waits until all have registered. */
    static StandaloneCluster start(Path folder, Path sparkJars, int workers) throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(folder, sparkHome(folder, sparkJars), freePort());
        cluster.launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(cluster.masterPort), "--webui-port", "0"));
        cluster.awaitLog("master", "I have been elected leader", Duration.ofSeconds(60));
        for (int worker = 1; worker <= workers; worker++) {
            cluster.launch("worker-" + worker, List.of("org.apache.spark.deploy.worker.Worker", cluster.url(),
                    "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g",
                    "--work-dir", folder.resolve("worker-" + worker).toString()));
        }
        for (int worker = 1; worker <= workers; worker++) {
            cluster.awaitLog("worker-" + worker, "Successfully registered with master", Duration.ofSeconds(60));
        }
        return cluster;
    }

    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    Path sparkHome() {
        return sparkHome;
    }

    /** The environment a Spark process of this cluster runs with. */
    Map<String, String> environment() {
        return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12",
                "SPARK_LOCAL_IP", "127.0.0.1", "SPARK_LOG_DIR", folder.toString());
    }

    /** Every line the named process has written so far. */
    String log(String name) throws IOException {
        return Files.readString(folder.resolve(name + ".log"));
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void launch(String name, List<String> mainAndArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp", sparkHome.resolve("jars") + "/*"));
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile());
        builder.environment().putAll(environment());
        processes.add(builder.start());
    }

    private void awaitLog(String name, String line, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!log(name).contains(line)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Spark " + name + " did not log '" + line + "' within " + timeout
                        + ":\n" + log(name));
            }
            Thread.sleep(250);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path sparkHome(Path folder, Path sparkJars) throws IOException {
        Path jars = Files.createDirectories(folder.resolve("spark-home").resolve("jars"));
        try (Stream<Path> libraries = Files.list(sparkJars)) {
            for (Path library : libraries.filter(StandaloneCluster::isSparkLibrary).toList()) {
                Files.createSymbolicLink(jars.resolve(library.getFileName()), library.toAbsolutePath());
            }
        }
        return jars.getParent();
    }

    /** Whether a jar is one a cluster provides, rather than one the cluster jar brings. */
    private static boolean isSparkLibrary(Path jar) {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") && APPLICATION_JARS.stream().noneMatch(name::startsWith);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
