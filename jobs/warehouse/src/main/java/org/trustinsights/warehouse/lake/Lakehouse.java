package org.trustinsights.warehouse.lake;

import static org.trustinsights.InsightsException.Category.CONTRACT;
import static org.trustinsights.InsightsException.Category.STORAGE;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustinsights.InsightsException;
import org.trustinsights.contract.Contracts;
import org.trustinsights.contract.SchemaDrift;
import org.trustinsights.contract.TableContract;

/**
 * The lake as Spark sees it: Delta tables at {@code <root>/<layer>/<table>}, registered in the
 * session's catalog under their contract names ({@code silver.leader}, {@code gold.…}) so they
 * can be queried with SQL. Landing tables are Parquet, read through their manifests.
 */
public final class Lakehouse {

    private static final Logger log = LoggerFactory.getLogger(Lakehouse.class);

    private final SparkSession spark;
    private final Contracts contracts;
    private final String root;

    public Lakehouse(SparkSession spark, Contracts contracts, String root) {
        this.spark = spark;
        this.contracts = contracts;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /**
     * A session with Delta. Runs locally unless a master is given (spark-submit sets one);
     * {@code settings} add to or override the defaults.
     */
    public static SparkSession session(String appName, java.util.Map<String, String> settings) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.debug.maxToStringFields", "200");
        if (!new org.apache.spark.SparkConf().contains("spark.master")) {
            // Local runs stay on loopback whatever the machine's host name resolves to
            builder.master("local[*]")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1");
        }
        settings.forEach(builder::config);
        return builder.getOrCreate();
    }

    public SparkSession spark() {
        return spark;
    }

    public Contracts contracts() {
        return contracts;
    }

    public String root() {
        return root;
    }

    public String path(TableContract contract) {
        return root + "/" + contract.layer() + "/" + contract.name();
    }

    public String path(String table) {
        return path(contracts.get(table));
    }

    public boolean exists(String table) {
        return io.delta.tables.DeltaTable.isDeltaTable(spark, path(table));
    }

    /** True when the path, or glob, names at least one file or folder, on any file system. */
    public boolean matchesFiles(String pathOrGlob) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(pathOrGlob);
            var statuses = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(path);
            return statuses != null && statuses.length > 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot list " + pathOrGlob, e);
        }
    }

    /**
     * The table's latest version. Read from the Delta log's cached snapshot, brought up to date,
     * rather than from {@code DeltaTable.history}, which plans a query for each call and is
     * called for every input of every step.
     */
    public long version(String table) {
        return org.apache.spark.sql.delta.DeltaLog.forTable(spark, path(table))
                .update(false, scala.Option.empty(), scala.Option.empty())
                .version();
    }

    public Dataset<Row> read(String table) {
        return spark.read().format("delta").load(path(table));
    }

    /**
     * Puts a table back at an earlier version with Delta's restore, which keeps the history; a
     * null version removes a table that had none, as when a first run's checks fail.
     */
    public void restore(String table, Long version) {
        if (version != null) {
            io.delta.tables.DeltaTable.forPath(spark, path(table)).restoreToVersion(version);
            return;
        }
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(path(table));
        try {
            folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(folder, true);
        } catch (java.io.IOException e) {
            throw new InsightsException(STORAGE, "Cannot remove " + table + " at " + folder + ": " + e.getMessage(), e);
        }
        org.apache.spark.sql.delta.DeltaLog.clearCache();
    }

    /** Registers every Delta table that exists under its contract name, for SQL. */
    public void registerTables(List<String> layers) {
        for (String layer : layers) {
            spark.sql("CREATE DATABASE IF NOT EXISTS " + layer);
            for (TableContract contract : contracts.layer(layer)) {
                if (exists(contract.table())) {
                    spark.sql("CREATE TABLE IF NOT EXISTS " + contract.table() + " USING delta LOCATION '"
                            + path(contract) + "'");
                }
            }
        }
    }

    /** Fails when a frame about to be written differs from its table's contract. */
    public Dataset<Row> conform(String table, Dataset<Row> frame) {
        TableContract contract = contracts.get(table);
        List<String> differences = SchemaDrift.differences(contract, SparkSchemas.produced(frame.schema()));
        if (!differences.isEmpty()) {
            throw new InsightsException(CONTRACT, "Cannot write " + table + ": " + String.join("; ", differences));
        }
        log.debug("{} matches its contract", table);
        return frame.select(SparkSchemas.columns(contract));
    }
}
