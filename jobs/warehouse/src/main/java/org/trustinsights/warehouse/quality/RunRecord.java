package org.trustinsights.warehouse.quality;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.trustinsights.warehouse.lake.DeltaWriter;
import org.trustinsights.warehouse.lake.Lakehouse;
import org.trustinsights.warehouse.lake.SparkSchemas;
import org.trustinsights.warehouse.lake.TableWrite;

/**
 * A transform run as the ops tables keep it: one row of {@code ops.pipeline_runs}, marked running
 * when the run starts and given its end when it finishes, with what each stage did to each table
 * in {@code ops.stage_runs} and every check's outcome in {@code ops.quality_results}.
 */
public final class RunRecord {

    /** How a run ended, as {@code ops.pipeline_runs.status} spells it. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, GATE_CLOSED }

    static final String RUNS = "ops.pipeline_runs";
    static final String STAGES = "ops.stage_runs";

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Lakehouse lake;
    private final DeltaWriter writer;
    private final String runId;
    private final String trigger;
    private final LocalDate asOf;
    private final Instant startedAt = Instant.now();
    private final List<Row> stages = new ArrayList<>();

    public RunRecord(Lakehouse lake, DeltaWriter writer, String runId, String trigger, LocalDate asOf) {
        this.lake = lake;
        this.writer = writer;
        this.runId = runId == null ? newRunId() : runId;
        this.trigger = trigger;
        this.asOf = asOf;
    }

    /** A run id that sorts by start time: {@code 20261204T043512Z-1a2b3c}. */
    public static String newRunId() {
        return RUN_TIME.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public String runId() {
        return runId;
    }

    /** Records the run as started, so a run that dies half-way is seen as one that never finished. */
    public void start() {
        writer.append(RUNS, run(Status.RUNNING, null));
    }

    /** Notes what a stage did to each table it wrote. */
    public void stage(String stage, List<TableWrite> writes) {
        for (TableWrite write : writes) {
            stages.add(RowFactory.create(runId, stage, write.table(), write.rowsWritten(), write.version(),
                    write.seconds(), write.unchanged() ? "skipped" : "succeeded",
                    write.unchanged() ? "nothing new since version " + write.version() : null));
        }
    }

    /** Notes a table a stage put back to its last good version because the gate closed. */
    public void restored(String stage, String table, Long version, String reason) {
        stages.add(RowFactory.create(runId, stage, table, null, version, 0.0, "failed", reason));
    }

    /** Writes the run's stages and check outcomes, then its end and how it ended. */
    public void finish(Status status, List<QualityGate.Outcome> outcomes) {
        if (!stages.isEmpty()) {
            writer.append(STAGES, lake.spark().createDataFrame(stages, SparkSchemas.of(lake.contracts().get(STAGES))));
        }
        if (!outcomes.isEmpty()) {
            Timestamp now = Timestamp.from(Instant.now());
            List<Row> rows = outcomes.stream()
                    .map(outcome -> RowFactory.create(runId, outcome.check().table(), outcome.check().name(),
                            outcome.check().kind().code(), outcome.check().isError() ? "error" : "warning",
                            outcome.passed() ? "passed" : "failed", outcome.metric(), outcome.message(),
                            outcome.version(), outcome.seconds(), now))
                    .toList();
            writer.append(QualityGate.RESULTS, lake.spark().createDataFrame(rows,
                    SparkSchemas.of(lake.contracts().get(QualityGate.RESULTS))));
        }
        writeRun(status, Instant.now());
    }

    private void writeRun(Status status, Instant finishedAt) {
        writer.upsert(RUNS, run(status, finishedAt));
    }

    private Dataset<Row> run(Status status, Instant finishedAt) {
        Row row = RowFactory.create(runId, Timestamp.from(startedAt),
                finishedAt == null ? null : Timestamp.from(finishedAt),
                status.name().toLowerCase(java.util.Locale.ROOT), trigger, Date.valueOf(asOf));
        return lake.spark().createDataFrame(List.of(row), SparkSchemas.of(lake.contracts().get(RUNS)));
    }
}
