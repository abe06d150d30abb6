package org.trustinsights.warehouse.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.SparkSession;
import org.trustinsights.config.TrustConfig;
import org.trustinsights.contract.Contracts;
import org.trustinsights.warehouse.Transform;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.TableWrite;
import org.trustinsights.warehouse.silver.PseudonymKeys;

/**
 * Times the transform on a generated trust: a full rebuild from landing, then an incremental
 * nightly with one more day of diagnostics, and the Spark gold stage against DuckDB computing the
 * same two gold tables over the same landing Parquet. Run by {@code bin/insights bench transform}.
 *
 * <p>The sittings of the trust's latest sitting day, and their responses, are held back from the
 * first landing and dropped in before the nightly, as a new day's export would be.
 */
public final class TransformBenchmark {

    private static final Pattern SITTING_ID = Pattern.compile("\"sitting_id\":\"([^\"]+)\"");
    private static final Pattern SITTING_DATE = Pattern.compile("\"sitting_date\":\"([0-9-]+)\"");
    private static final List<String> DUCKDB_TABLES = List.of("gold.leader_behaviour_profile",
            "gold.school_behaviour_summary");

    private final Path repository;
    private final Path work;
    private final Path config;

    private TransformBenchmark(Path repository, Path work, Path config) {
        this.repository = repository;
        this.work = work;
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Path sample = Path.of(args[0]).toAbsolutePath();
        Path repository = Path.of(System.getProperty("insights.repository")).toAbsolutePath();
        Path work = Files.createTempDirectory("transform-bench");
        Path config = copyTrust(sample, work.resolve("trust"));
        TransformBenchmark benchmark = new TransformBenchmark(repository, work, config);
        System.out.printf("Transform benchmark on %s, %d cores, Spark heap %d MB%n", sample,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        Path heldBack = benchmark.holdBackLastDay();
        benchmark.run(heldBack);
    }

    private void run(Path heldBack) throws Exception {
        double extract = extract("first landing");
        TrustConfig trust = TrustConfig.load(config);
        SparkSession spark = Lakehouse.session("insights-bench", Map.of());
        Lakehouse lake = new Lakehouse(spark, Contracts.load(repository.resolve("schemas")), trust.lakeRoot());
        PseudonymKeys keys = new PseudonymKeys("benchmark-secret".getBytes(StandardCharsets.UTF_8));
        LocalDate asOf = LocalDate.now(ZoneOffset.UTC);

        long started = System.nanoTime();
        Transform.Result fullRun = new Transform(lake, trust, keys, asOf).run(null);
        List<TableWrite> full = fullRun.writes();
        double fullSeconds = seconds(started);
        report("Full rebuild", fullRun, fullSeconds, extract);

        double sparkGold = full.stream().filter(write -> DUCKDB_TABLES.contains(write.table()))
                .mapToDouble(TableWrite::seconds).sum();
        duckdb(trust, sparkGold, lake);

        restore(heldBack);
        double nightlyExtract = extract("one more day");
        started = System.nanoTime();
        Transform.Result nightly = new Transform(lake, trust, keys, asOf).run(null);
        report("Incremental nightly (one day of new diagnostics)", nightly, seconds(started), nightlyExtract);
        System.out.printf("%nPeak heap %d MB, peak resident memory %s%n", peakHeapMegabytes(), peakResident());
        spark.stop();
    }

    private static void report(String title, Transform.Result result, double seconds, double extract) {
        List<TableWrite> writes = result.writes();
        System.out.printf("%n%s%n", title);
        writes.forEach(write -> System.out.println("  " + write.describe()));
        double silver = writes.stream().filter(write -> !write.table().startsWith("gold."))
                .mapToDouble(TableWrite::seconds).sum();
        double gold = writes.stream().filter(write -> write.table().startsWith("gold."))
                .mapToDouble(TableWrite::seconds).sum();
        long rows = writes.stream().mapToLong(TableWrite::rowsWritten).sum();
        System.out.printf("  extract %.1f s; transform %.1f s wall (silver writes %.1f s, gold %.1f s), %,d rows;"
                + " extract and transform %.1f s%n", extract, seconds, silver, gold, rows, extract + seconds);
        reportChecks(result, seconds);
    }

    /** Seconds the quality checks took, per layer, and their share of the transform. */
    private static void reportChecks(Transform.Result result, double seconds) {
        Map<String, Double> perTable = new java.util.TreeMap<>();
        result.outcomes().forEach(outcome -> perTable.put(outcome.check().table(), outcome.seconds()));
        Map<String, Double> perLayer = new java.util.TreeMap<>();
        perTable.forEach((table, time) -> perLayer.merge(table.substring(0, table.indexOf('.')), time, Double::sum));
        double checks = perTable.values().stream().mapToDouble(Double::doubleValue).sum();
        long failed = result.outcomes().stream().filter(outcome -> !outcome.passed()).count();
        System.out.printf("  quality checks %.1f s (%s), %.0f%% of the transform; %d checks on %d tables,"
                        + " %d failed, gate %s%n", checks,
                perLayer.entrySet().stream().map(entry -> String.format("%s %.1f s", entry.getKey(), entry.getValue()))
                        .collect(Collectors.joining(", ")),
                seconds == 0 ? 0 : 100 * checks / seconds, result.outcomes().size(), perTable.size(), failed,
                result.gateClosed() ? "closed at " + result.closedAt() : "open");
    }

    /** The two diagnostic gold tables in DuckDB from the same landing, with the ratio to Spark's time. */
    private void duckdb(TrustConfig trust, double sparkSeconds, Lakehouse lake) throws Exception {
        String script = Files.readString(repository.resolve(
                "jobs/warehouse/src/test/resources/bench/duckdb-gold.sql"));
        Map<String, Object> parameters = Map.of(
                "lake", trust.lakeRoot(),
                "schools", trust.schools().stream()
                        .map(school -> "(" + school.urn() + ", DATE '" + school.joinedOn() + "')")
                        .collect(Collectors.joining(", ")),
                "min_raters", trust.privacy().minRaters(),
                "min_group_size", trust.privacy().minGroupSize(),
                "agreement_margin", trust.diagnostics().agreementMargin(),
                "benchmark_margin", trust.diagnostics().benchmarkMargin(),
                "blind_spot_share", trust.diagnostics().blindSpotShare(),
                "hidden_strength_share", trust.diagnostics().hiddenStrengthShare(),
                "reliable_change_threshold", trust.diagnostics().reliableChangeThreshold());
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            script = script.replace("${" + parameter.getKey() + "}", String.valueOf(parameter.getValue()));
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            statement.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            long started = System.nanoTime();
            for (String sql : script.split(";\\s*\\n")) {
                if (!sql.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
                    statement.execute(sql);
                }
            }
            double seconds = seconds(started);
            System.out.printf("%nGold stage against DuckDB (%s)%n", String.join(", ", DUCKDB_TABLES));
            for (String table : DUCKDB_TABLES) {
                String name = table.substring("gold.".length());
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + name)) {
                    count.next();
                    System.out.printf("  %-32s DuckDB %,d rows, Spark %,d rows%n", table, count.getLong(1),
                            lake.read(table).count());
                }
            }
            System.out.printf("  Spark %.1f s, DuckDB %.1f s (%d threads): Spark takes %.1fx DuckDB's time%n",
                    sparkSeconds, seconds, Runtime.getRuntime().availableProcessors(), sparkSeconds / seconds);
        }
    }

    /** Runs the real extract job in its own JVM and returns its wall seconds. */
    private double extract(String what) throws IOException, InterruptedException {
        Path jar = repository.resolve("jobs/extract/target/insights-extract-0.1.0-SNAPSHOT.jar");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Duser.timezone=UTC", "-Dinsights.home=" + repository, "-jar", jar.toString(),
                "--insights.config=" + config,
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs"));
        Path output = Files.createTempFile(work, "extract", ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("Extract (" + what + ") failed:\n" + Files.readString(output));
        }
        return seconds(started);
    }

    /** Moves the latest sitting day's sittings and responses out of the drops; returns where they went. */
    private Path holdBackLastDay() throws IOException {
        Path sources = config.getParent().resolve("sources");
        List<Path> sittingFiles = files(sources, "sittings");
        String lastDay = "";
        for (Path file : sittingFiles) {
            for (String line : read(file)) {
                Matcher date = SITTING_DATE.matcher(line);
                if (date.find() && date.group(1).compareTo(lastDay) > 0) {
                    lastDay = date.group(1);
                }
            }
        }

        Path heldBack = Files.createDirectories(work.resolve("held-back"));
        Set<String> sittings = new HashSet<>();
        int count = 0;
        for (Path file : sittingFiles) {
            String day = lastDay;
            count += split(file, heldBack, line -> line.contains("\"sitting_date\":\"" + day + "\""), sittings);
        }
        int responses = 0;
        for (Path file : files(sources, "responses")) {
            responses += split(file, heldBack, line -> {
                Matcher id = SITTING_ID.matcher(line);
                return id.find() && sittings.contains(file.getParent().getParent().getParent().getFileName()
                        + ":" + id.group(1));
            }, null);
        }
        System.out.printf("Held back for the nightly: %d sittings of %s and their %,d responses%n", count, lastDay,
                responses);
        return heldBack;
    }

    /** Moves the lines a test picks from a drop file into a file of the same path under {@code heldBack}. */
    private int split(Path file, Path heldBack, java.util.function.Predicate<String> pick, Set<String> picked)
            throws IOException {
        List<String> keep = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (String line : read(file)) {
            if (pick.test(line)) {
                moved.add(line);
                Matcher id = SITTING_ID.matcher(line);
                if (picked != null && id.find()) {
                    picked.add(file.getParent().getParent().getParent().getFileName() + ":" + id.group(1));
                }
            } else {
                keep.add(line);
            }
        }
        if (moved.isEmpty()) {
            return 0;
        }
        write(file, keep);
        Path sources = config.getParent().resolve("sources");
        Path target = heldBack.resolve(sources.relativize(file).toString().replace(".jsonl", "-new-day.jsonl"));
        Files.createDirectories(target.getParent());
        write(target, moved);
        return moved.size();
    }

    private void restore(Path heldBack) throws IOException {
        Path sources = config.getParent().resolve("sources");
        try (Stream<Path> files = Files.walk(heldBack)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.move(file, sources.resolve(heldBack.relativize(file).toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static List<Path> files(Path sources, String entity) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(path -> path.getParent().getFileName().toString().equals(entity)
                            && path.getParent().getParent().getFileName().toString().equals("diagnostics"))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                InputStream content = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
                BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    private static void write(Path file, List<String> lines) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                OutputStream content = file.toString().endsWith(".gz") ? new GZIPOutputStream(out) : out;
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(content, StandardCharsets.UTF_8))) {
            for (String line : lines) {
                writer.write(line);
                writer.newLine();
            }
        }
    }

    private static Path copyTrust(Path sample, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(sample)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(sample.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        Path config = target.resolve("trust.yaml");
        Files.writeString(config, Files.readString(config) + "storage:\n  root: " + target.resolveSibling("lake")
                + "\n");
        return config;
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() >> 20;
    }

    private static String peakResident() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring("VmHWM:".length()).strip())
                .findFirst()
                .orElse("unknown");
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
