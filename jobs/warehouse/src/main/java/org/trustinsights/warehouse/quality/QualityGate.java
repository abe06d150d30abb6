package org.trustinsights.warehouse.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.amazon.deequ.repository.MetricsRepository;
import com.amazon.deequ.repository.fs.FileSystemMetricsRepository;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.config.Quality;
import org.trustinsights.contract.TableContract;
import org.trustinsights.warehouse.lake.LandingLoads;
import org.trustinsights.warehouse.lake.Lakehouse;

/**
 * Runs the checks of the contracts where the pipeline needs them: on new landing loads before
 * silver merges them, on silver after the merge and on gold before it is published. Keeps every
 * outcome for {@code ops.quality_results}; an error-level failure closes the gate, and the
 * transform then puts the stage's tables back as they were.
 */
public final class QualityGate {

    private static final Logger log = LoggerFactory.getLogger(QualityGate.class);

    static final String RESULTS = "ops.quality_results";

    /** One check's outcome in this run. */
    public record Outcome(QualityCheck check, boolean passed, Double metric, String message, Long version,
            double seconds) {

        /** True for a failed error-level check, which closes the gate. */
        public boolean closesGate() {
            return !passed && check.isError();
        }

        public String describe() {
            return String.format("%s %s on %s: %s", check.isError() ? "error" : "warning", check.name(),
                    check.table(), message);
        }
    }

    private final Lakehouse lake;
    private final Quality quality;
    private final MetricsRepository repository;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<DeequSuite> measured = new ArrayList<>();
    private Map<String, Long> lastChecked;

    public QualityGate(Lakehouse lake, Quality quality) {
        this.lake = lake;
        this.quality = quality;
        this.repository = new FileSystemMetricsRepository(lake.spark(), lake.root() + "/ops/quality_metrics.json");
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The failed error-level checks so far; none means the gate is open. */
    public List<Outcome> closing() {
        return outcomes.stream().filter(Outcome::closesGate).toList();
    }

    /**
     * Checks the loads of these landing tables that no silver table has merged yet, all of one
     * table's loads together: the contract's checks on their rows, and the records the extract
     * refused from them, by reason.
     */
    public List<Outcome> checkLanding(LandingLoads loads, List<String> landingTables) {
        List<Outcome> found = new ArrayList<>();
        for (String landingTable : landingTables) {
            TableContract landing = lake.contracts().get(landingTable);
            LandingLoads.NewLoads batch = loads.unchecked(landing.table());
            if (batch.isEmpty()) {
                continue;
            }
            long started = System.nanoTime();
            List<Outcome> outcomes = new ArrayList<>(check(landing, batch.rows(), null,
                    ContractChecks.of(landing, quality), false));
            outcomes.addAll(rejects(landing, batch.loads()));
            found.addAll(withSeconds(outcomes, started));
        }
        outcomes.addAll(found);
        return found;
    }

    /**
     * Checks those of the tables whose Delta version has moved since they were last checked, so
     * a table a run did not change is not read again.
     */
    public List<Outcome> checkTables(List<String> tables) {
        List<Outcome> found = new ArrayList<>();
        for (String table : tables) {
            if (!lake.exists(table)) {
                continue;
            }
            long version = lake.version(table);
            if (Long.valueOf(version).equals(lastChecked().get(table))) {
                continue;
            }
            long started = System.nanoTime();
            TableContract contract = lake.contracts().get(table);
            found.addAll(withSeconds(check(contract, lake.read(table), version, ContractChecks.of(contract, quality),
                    true), started));
        }
        outcomes.addAll(found);
        return found;
    }

    /** Keeps this run's metrics as the baseline for later runs' anomaly checks; call once the run is good. */
    public void saveMetrics() {
        long now = System.currentTimeMillis();
        for (DeequSuite suite : measured) {
            suite.saveMetrics(now);
        }
        measured.clear();
    }

    private List<Outcome> check(TableContract contract, Dataset<Row> rows, Long version, List<QualityCheck> checks,
            boolean keepMetrics) {
        Dataset<Row> frame = rows.cache();
        try {
            DeequSuite suite = new DeequSuite(repository, contract.table());
            Map<String, DeequSuite.Measured> results = suite.run(frame, checks);
            if (keepMetrics) {
                measured.add(suite);
            }
            List<Outcome> found = new ArrayList<>();
            for (QualityCheck check : checks) {
                DeequSuite.Measured result = check.rule() instanceof QualityCheck.References references
                        ? references(frame, references)
                        : results.get(check.name());
                if (result.passed()) {
                    found.add(new Outcome(check, true, result.metric(), null, version, 0));
                    continue;
                }
                Explanation explained = explain(contract, frame, check, result);
                Double metric = check.rule() instanceof QualityCheck.References ? explained.share() : result.metric();
                found.add(new Outcome(check, false, metric, explained.message(), version, 0));
                log.warn("Quality check {} failed on {}", check.name(), contract.table());
            }
            return found;
        } finally {
            frame.unpersist();
        }
    }

    private DeequSuite.Measured references(Dataset<Row> frame, QualityCheck.References references) {
        if (!lake.exists(references.referencedTable())) {
            return new DeequSuite.Measured(false, 0.0, references.referencedTable() + " does not exist yet");
        }
        return DeequSuite.references(frame, references.column(), lake.read(references.referencedTable()),
                references.referencedColumn());
    }

    /** Why a check failed, and for checks on rows the share of rows that pass. */
    private record Explanation(String message, Double share) {}

    /** What failed, with the metric and the keys of a few offending rows, never a direct identifier. */
    private Explanation explain(TableContract contract, Dataset<Row> frame, QualityCheck check,
            DeequSuite.Measured result) {
        QualityCheck.Rule rule = check.rule();
        if (rule instanceof QualityCheck.Anomaly anomaly) {
            return new Explanation(String.format("%s %s against earlier good runs is an anomaly (bound %s); %s",
                    anomaly.measure().name().toLowerCase(java.util.Locale.ROOT),
                    anomaly.column() == null ? "of rows" : "of " + anomaly.column(),
                    anomaly.bound(), result.message()), null);
        }
        if (rule instanceof QualityCheck.References references && !lake.exists(references.referencedTable())) {
            return new Explanation(result.message(), 0.0);
        }
        Dataset<Row> offending = offending(frame, rule);
        List<String> shown = shownColumns(contract, rule);
        long count = offending.count();
        long total = frame.count();
        String examples = offending.select(shown.stream().map(functions::col).toArray(Column[]::new))
                .limit(quality.sampleRows())
                .collectAsList()
                .stream()
                .map(row -> shown.stream().map(column -> column + "=" + row.getAs(column))
                        .collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(" "));
        double share = total == 0 ? 1.0 : (double) (total - count) / total;
        return new Explanation(String.format("%,d of %,d rows fail (%.2f%% pass); for example %s", count, total,
                100 * share, examples), share);
    }

    private Dataset<Row> offending(Dataset<Row> frame, QualityCheck.Rule rule) {
        if (rule instanceof QualityCheck.Complete complete) {
            return frame.filter(col(complete.column()).isNull());
        }
        if (rule instanceof QualityCheck.Unique unique) {
            Column[] keys = unique.columns().stream().map(functions::col).toArray(Column[]::new);
            return frame.groupBy(keys).count().filter(col("count").gt(1)).drop("count")
                    .join(frame, unique.columns().toArray(String[]::new));
        }
        if (rule instanceof QualityCheck.Allowed allowed) {
            return frame.filter(col(allowed.column()).isNotNull()
                    .and(not(col(allowed.column()).isin(allowed.values().toArray()))));
        }
        if (rule instanceof QualityCheck.References references) {
            Dataset<Row> referenced = lake.exists(references.referencedTable())
                    ? lake.read(references.referencedTable()).select(col(references.referencedColumn()).as("__key"))
                    : frame.sparkSession().emptyDataFrame().withColumn("__key", lit(null));
            return frame.filter(col(references.column()).isNotNull())
                    .join(referenced, col(references.column()).equalTo(col("__key")), "left_anti");
        }
        QualityCheck.Satisfies satisfies = (QualityCheck.Satisfies) rule;
        return frame.filter(not(coalesce(expr(satisfies.condition()), lit(false))));
    }

    /**
     * The columns that point at an offending row: its load and where it came from for a
     * landing record, its key otherwise, and the column checked; directly personal columns are never shown.
     */
    private static List<String> shownColumns(TableContract contract, QualityCheck.Rule rule) {
        Set<String> shown = new LinkedHashSet<>();
        if (contract.column("source_location").isPresent() && contract.column("source_position").isPresent()) {
            shown.add("load_id");
            shown.add("source_location");
            shown.add("source_position");
        } else {
            shown.addAll(contract.primaryKey());
        }
        if (rule instanceof QualityCheck.Unique unique) {
            shown.addAll(unique.columns());
        } else if (rule instanceof QualityCheck.Complete complete) {
            shown.add(complete.column());
        } else if (rule instanceof QualityCheck.Allowed allowed) {
            shown.add(allowed.column());
        } else if (rule instanceof QualityCheck.References references) {
            shown.add(references.column());
        } else if (rule instanceof QualityCheck.Satisfies satisfies) {
            shown.addAll(satisfies.columns());
        }
        return shown.stream()
                .filter(name -> contract.column(name).map(column -> !column.isDirectlyPersonal()).orElse(false))
                .toList();
    }

    /** One outcome per reason the extract can refuse a record, counting the refusals in these loads. */
    private List<Outcome> rejects(TableContract landing, List<Row> loads) {
        Map<RejectReason, List<String>> found = new LinkedHashMap<>();
        for (RejectReason reason : RejectReason.values()) {
            found.put(reason, new ArrayList<>());
        }
        TableContract rejects = lake.contracts().get("bronze.rejects");
        String[] partitions = loads.stream()
                .map(load -> lake.path(rejects) + "/school_urn=" + load.getAs("school_urn") + "/load_date="
                        + load.getAs("load_date"))
                .distinct()
                .filter(lake::matchesFiles)
                .toArray(String[]::new);
        if (partitions.length > 0) {
            List<String> ids = loads.stream().map(load -> load.<String>getAs("load_id")).toList();
            List<Row> refused = lake.spark().read()
                    .schema(org.trustinsights.warehouse.lake.SparkSchemas.of(rejects))
                    .option("basePath", lake.path(rejects))
                    .parquet(partitions)
                    .filter(col("load_id").isin(ids.toArray()))
                    .select("school_urn", "source_location", "source_position", "reason")
                    .orderBy("school_urn", "source_location", "source_position")
                    .collectAsList();
            for (Row row : refused) {
                String where = "school " + row.getInt(0) + " " + row.getString(1) + " record " + row.getLong(2);
                for (String part : row.getString(3).split("; ")) {
                    List<String> places = found.get(RejectReason.of(part));
                    if (places.isEmpty() || !places.get(places.size() - 1).equals(where)) {
                        places.add(where);
                    }
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, QualityCheck> checks = new HashMap<>();
        ContractChecks.rejects(landing).forEach(check -> checks.put(check.name(), check));
        for (Map.Entry<RejectReason, List<String>> entry : found.entrySet()) {
            List<String> places = entry.getValue();
            String message = places.isEmpty() ? null : String.format(
                    "%,d records of this run's loads refused by the extract and kept in bronze.rejects; "
                            + "fix them at the source and load again; for example %s",
                    places.size(), String.join(", ", places.subList(0, Math.min(places.size(), quality.sampleRows()))));
            outcomes.add(new Outcome(checks.get(entry.getKey().checkName()), places.isEmpty(),
                    (double) places.size(), message, null, 0));
        }
        return outcomes;
    }

    private static List<Outcome> withSeconds(List<Outcome> outcomes, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        return outcomes.stream()
                .map(outcome -> new Outcome(outcome.check(), outcome.passed(), outcome.metric(), outcome.message(),
                        outcome.version(), seconds))
                .toList();
    }

    /**
     * The latest version of each table at which no error-level check failed, from earlier runs'
     * results: a table still at that version needs no new check, while one whose checks failed
     * is checked again on every run until it passes.
     */
    private Map<String, Long> lastChecked() {
        if (lastChecked == null) {
            lastChecked = new HashMap<>();
            if (lake.exists(RESULTS)) {
                Column failedError = when(col("status").equalTo("failed").and(col("level").equalTo("error")), 1)
                        .otherwise(0);
                for (Row row : lake.read(RESULTS).filter(col("table_version").isNotNull())
                        .groupBy("run_id", "table_name", "table_version")
                        .agg(max(failedError).as("failed"))
                        .filter(col("failed").equalTo(0))
                        .groupBy("table_name")
                        .agg(max("table_version"))
                        .collectAsList()) {
                    lastChecked.put(row.getString(0), row.getLong(1));
                }
            }
        }
        return lastChecked;
    }
}
