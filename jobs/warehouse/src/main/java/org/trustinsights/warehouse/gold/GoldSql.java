package org.trustinsights.warehouse.gold;

import static org.trustinsights.InsightsException.Category.CONTRACT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.trustinsights.InsightsException;

/**
 * Runs the SQL of a gold table, kept in {@code gold/<name>.sql} on the classpath: statements
 * that define temporary views, then one query whose result is returned. {@code ${name}} stands
 * for a setting from the trust configuration; every one must be given.
 *
 * <p>{@code CACHE LAZY TABLE <view>} is run as a local checkpoint: the view is computed once and
 * replaced by its rows, so the plans built on it stay short however many views stack up. The
 * rows are freed on {@link #close()}, once the table is written.
 */
final class GoldSql implements AutoCloseable {

    private static final Pattern PARAMETER = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}");
    private static final Pattern CHECKPOINT = Pattern.compile("(?i)^CACHE LAZY TABLE ([a-z_]+)$");

    private final SparkSession spark;
    private final Map<String, ?> parameters;
    private final List<Dataset<Row>> checkpoints = new ArrayList<>();

    GoldSql(SparkSession spark, Map<String, ?> parameters) {
        this.spark = spark;
        this.parameters = parameters;
    }

    /** Runs every statement of the script and returns the last one's rows. */
    Dataset<Row> run(String script) {
        List<String> statements = statements(script);
        for (String statement : statements.subList(0, statements.size() - 1)) {
            Matcher checkpoint = CHECKPOINT.matcher(statement);
            if (checkpoint.matches()) {
                Dataset<Row> rows = spark.table(checkpoint.group(1)).localCheckpoint();
                rows.createOrReplaceTempView(checkpoint.group(1));
                checkpoints.add(rows);
            } else {
                spark.sql(statement);
            }
        }
        return spark.sql(statements.get(statements.size() - 1));
    }

    @Override
    public void close() {
        checkpoints.forEach(Dataset::unpersist);
        checkpoints.clear();
    }

    /** The names of the settings a script reads. */
    static Set<String> parameters(String script) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PARAMETER.matcher(read(script));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Whether a script mentions a view by name (as a whole word). */
    static boolean reads(String script, String view) {
        return Pattern.compile("\\b" + Pattern.quote(view) + "\\b").matcher(read(script)).find();
    }

    List<String> statements(String script) {
        String text = substitute(script, read(script));
        List<String> statements = new ArrayList<>();
        for (String statement : text.split(";\\s*\\n")) {
            String code = statement.lines()
                    .filter(line -> !line.strip().startsWith("--"))
                    .reduce("", (joined, line) -> joined + line + "\n")
                    .strip();
            if (!code.isEmpty()) {
                statements.add(code.endsWith(";") ? code.substring(0, code.length() - 1) : code);
            }
        }
        return statements;
    }

    private String substitute(String script, String text) {
        Matcher matcher = PARAMETER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            Object value = parameters.get(matcher.group(1));
            if (value == null) {
                throw new InsightsException(CONTRACT, "Cannot run gold/" + script + ".sql: no value for ${"
                        + matcher.group(1) + "}");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String read(String script) {
        String resource = "/gold/" + script + ".sql";
        try (InputStream in = GoldSql.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InsightsException(CONTRACT, "Cannot find " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InsightsException(CONTRACT, "Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
