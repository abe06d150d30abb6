package org.trustinsights.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code bin/insights bench extract}: lands a generated sample trust from each connector kind
 * (file drops, a PostgreSQL MIS holding every response, the diagnostics API on loopback) and
 * prints rows a second, seconds per entity and peak heap; then converts the same response files
 * to Parquet with DuckDB on the same machine, for reference. Argument: the sample's folder.
 */
public final class ExtractBenchmark {

    private static final Pattern OUTCOME = Pattern.compile(
            "^(\\d{6})\\s+(\\w+)\\s+(LANDED|NOTHING NEW|FAILED)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)$",
            Pattern.MULTILINE);
    private static final Pattern PEAK = Pattern.compile("peak heap (\\d+) MB");
    private static final Pattern TOTAL = Pattern.compile("^all\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)$",
            Pattern.MULTILINE);
    private static final String RESPONSE_COLUMNS = "sitting_id, rater_id, rater_role, item_id, score, answered_at, "
            + "updated_at";
    private static final int API_SCHOOLS = 10;

    private ExtractBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path sample = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("extract-bench");
        System.setProperty("extract.heap", "1g");
        List<int[]> schools = schools(sample);
        System.out.printf("Extract benchmark on %s: %d schools, extract JVM -Xmx1g, %d cores%n%n", sample,
                schools.size(), Runtime.getRuntime().availableProcessors());

        files(sample, work.resolve("files"));
        postgres(sample, work.resolve("postgres"), schools);
        api(sample, work.resolve("api"), schools.subList(0, Math.min(API_SCHOOLS, schools.size())));
        duckdb(sample, work.resolve("duckdb"));
    }

    private static void files(Path sample, Path work) throws Exception {
        Files.createDirectories(work);
        String config = Files.readString(sample.resolve("trust.yaml"))
                .replace("location: sources/", "location: " + sample.resolve("sources") + "/")
                .replace("{config_dir}", sample.toString());
        ExtractProcess.Result result = extractWith(work, config, Map.of());
        report("file drops (and the H2 MIS files), all entities", result);
    }

    private static void postgres(Path sample, Path work, List<int[]> schools) throws Exception {
        Files.createDirectories(work);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            long started = System.nanoTime();
            long loaded = loadResponses(sample, postgres);
            System.out.printf("PostgreSQL: COPY of %,d responses into the MIS table took %.1f s%n", loaded,
                    (System.nanoTime() - started) / 1e9);
            StringBuilder config = header();
            for (int[] school : schools) {
                config.append(school(school[0], "diagnostics: {kind: jdbc, url: \"" + postgres.getJdbcUrl("postgres",
                        "postgres") + "\", user: postgres, queries: {responses: \"SELECT " + RESPONSE_COLUMNS
                        + " FROM responses WHERE school_urn = " + school[0]
                        + " AND updated_at > ? ORDER BY updated_at\"}}"));
            }
            ExtractProcess.Result result = extractWith(work, config.toString(), Map.of(),
                    "--insights.entity=responses");
            report("PostgreSQL over JDBC, responses", result);
        }
    }

    private static void api(Path sample, Path work, List<int[]> schools) throws Exception {
        Files.createDirectories(work);
        try (DiagnosticsApiServer server = new DiagnosticsApiServer(sample.resolve("sources"), "bench-token")) {
            StringBuilder config = header();
            for (int[] school : schools) {
                config.append(school(school[0], "diagnostics: {kind: api, url: \"" + server.url()
                        + "\", token_env: DIAGNOSTICS_TOKEN}"));
            }
            ExtractProcess.Result result = extractWith(work, config.toString(),
                    Map.of("DIAGNOSTICS_TOKEN", "bench-token"), "--insights.entity=responses");
            report("the diagnostics API on loopback, responses of " + schools.size() + " schools", result);
        }
    }

    private static void duckdb(Path sample, Path work) throws Exception {
        Files.createDirectories(work);
        String files = sample.resolve("sources") + "/*/diagnostics/responses/*.jsonl.gz";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                var statement = duck.createStatement()) {
            statement.execute("SET threads = 1");
            long started = System.nanoTime();
            statement.execute("COPY (SELECT * FROM read_json('" + files + "', format = 'newline_delimited')) TO '"
                    + work.resolve("responses.parquet") + "' (FORMAT parquet, COMPRESSION snappy)");
            double oneThread = (System.nanoTime() - started) / 1e9;
            statement.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            started = System.nanoTime();
            statement.execute("COPY (SELECT * FROM read_json('" + files + "', format = 'newline_delimited')) TO '"
                    + work.resolve("responses-all-cores.parquet") + "' (FORMAT parquet, COMPRESSION snappy)");
            double allCores = (System.nanoTime() - started) / 1e9;
            ResultSet count = statement.executeQuery(
                    "SELECT count(*) FROM '" + work.resolve("responses.parquet") + "'");
            count.next();
            long rows = count.getLong(1);
            System.out.printf("DuckDB, the same response files to Parquet: %,d rows, one thread %.1f s (%,.0f rows/s), "
                    + "all cores %.1f s (%,.0f rows/s)%n", rows, oneThread, rows / oneThread, allCores,
                    rows / allCores);
        }
    }

    private static ExtractProcess.Result extractWith(Path work, String config, Map<String, String> environment,
            String... options) throws Exception {
        Path file = work.resolve("trust.yaml");
        Files.writeString(file, config + "\nstorage:\n  root: " + work.resolve("lake") + "\n");
        Files.copy(Path.of(System.getProperty("bench.framework", "config/sample/framework.yaml")),
                work.resolve("framework.yaml"));
        List<String> arguments = new ArrayList<>(List.of("--insights.config=" + file));
        arguments.addAll(List.of(options));
        return ExtractProcess.run(work, environment, arguments.toArray(String[]::new));
    }

    private static void report(String what, ExtractProcess.Result result) {
        Map<String, double[]> entities = new LinkedHashMap<>();
        Matcher outcome = OUTCOME.matcher(result.output());
        while (outcome.find()) {
            double[] totals = entities.computeIfAbsent(outcome.group(2), entity -> new double[2]);
            totals[0] += Long.parseLong(outcome.group(4));
            totals[1] += Double.parseDouble(outcome.group(7));
        }
        String exit = result.exitCode() == 0 ? "" : " (exit " + result.exitCode() + ")";
        System.out.println("Extract from " + what + exit);
        System.out.printf("  %-14s %12s %10s %12s%n", "entity", "rows", "seconds", "rows/s");
        entities.forEach((entity, totals) -> System.out.printf("  %-14s %,12.0f %10.1f %,12.0f%n", entity, totals[0],
                totals[1], totals[1] == 0 ? 0 : totals[0] / totals[1]));
        Matcher total = TOTAL.matcher(result.output());
        Matcher peak = PEAK.matcher(result.output());
        if (total.find() && peak.find()) {
            double rows = Double.parseDouble(total.group(1));
            double seconds = Double.parseDouble(total.group(4));
            System.out.printf("  %-14s %,12.0f %10.1f %,12.0f   peak heap %s MB%n%n", "all", rows, seconds,
                    rows / seconds, peak.group(1));
        }
    }

    private static StringBuilder header() {
        return new StringBuilder("trust: {name: Benchmark Trust, code: bench}\nframework: framework.yaml\n"
                + "extract: {max_reject_share: 0.5}\nschools:\n");
    }

    private static String school(int urn, String source) {
        return "  - urn: " + urn + "\n    name: School " + urn + "\n    phase: primary\n    region: North\n"
                + "    joined_on: 2010-09-01\n    sources:\n      " + source + "\n";
    }

    /** The sample's school URNs, in the order its trust.yaml lists them. */
    private static List<int[]> schools(Path sample) throws IOException {
        List<int[]> schools = new ArrayList<>();
        Matcher urn = Pattern.compile("^  - urn: (\\d{6})$", Pattern.MULTILINE)
                .matcher(Files.readString(sample.resolve("trust.yaml")));
        while (urn.find()) {
            schools.add(new int[] {Integer.parseInt(urn.group(1))});
        }
        return schools;
    }

    /** Streams every response file of the sample into one PostgreSQL table with COPY. */
    private static long loadResponses(Path sample, EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE TABLE responses (school_urn int, sitting_id text, "
                    + "rater_id text, rater_role text, item_id text, score int, answered_at timestamp, "
                    + "updated_at timestamp)");
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY responses FROM STDIN (FORMAT csv)");
            long rows = 0;
            JsonFactory json = new JsonFactory();
            try (Stream<Path> files = Files.walk(sample.resolve("sources"))) {
                for (Path file : files.filter(path -> path.toString().contains("/diagnostics/responses/")
                        && path.toString().endsWith(".jsonl.gz")).sorted().toList()) {
                    String urn = file.getName(file.getNameCount() - 4).toString();
                    rows += copyFile(file, urn, json, copy);
                }
            }
            copy.endCopy();
            connection.createStatement().execute("CREATE INDEX ON responses (school_urn, updated_at)");
            connection.createStatement().execute("ANALYZE responses");
            return rows;
        }
    }

    private static long copyFile(Path file, String urn, JsonFactory json, CopyIn copy) throws Exception {
        long rows = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            StringBuilder batch = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Map<String, String> fields = new LinkedHashMap<>();
                try (JsonParser parser = json.createParser(line)) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonToken value = parser.nextToken();
                        fields.put(name, value == JsonToken.VALUE_NULL ? "" : parser.getText());
                    }
                }
                batch.append(urn);
                for (String column : RESPONSE_COLUMNS.split(", ")) {
                    batch.append(',').append(fields.getOrDefault(column, ""));
                }
                batch.append('\n');
                rows++;
                if (batch.length() > 1 << 20) {
                    byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    batch.setLength(0);
                }
            }
            byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        }
        return rows;
    }
}
