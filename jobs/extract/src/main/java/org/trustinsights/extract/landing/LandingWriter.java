package org.trustinsights.extract.landing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamWriter;
import org.trustinsights.contract.Column;
import org.trustinsights.contract.TableContract;

/**
 * Writes each chunk of one load as its own Parquet part of the landing table, and the chunk's
 * rejects as a part of {@code bronze.rejects}. Parts are numbered in the step's execution
 * context, so a restarted load carries on after the last committed chunk. The load itself
 * comes from the job's parameters as each step starts.
 */
public final class LandingWriter implements ItemStreamWriter<LandingBatch>, StepExecutionListener {

    static final String PART = "landing.part";
    static final String WRITTEN = "landing.written";
    static final String REJECTED = "landing.rejected";
    static final String NEWEST_UPDATE = "landing.newest_update";

    private static final int LOAD_ID = -1;
    private static final int LOCATION = -2;
    private static final int POSITION = -3;

    private final TableContract contract;
    private final TableContract rejects;
    private final LakeLayout lake;
    private final String system;
    private final String entity;
    private final int[] layout;
    private Load load;
    private long part;
    private long written;
    private long rejected;
    private Instant newestUpdate;

    public LandingWriter(TableContract contract, TableContract rejects, LakeLayout lake) {
        this.contract = contract;
        this.rejects = rejects;
        this.lake = lake;
        this.system = contract.source().system();
        this.entity = contract.source().entity();
        this.layout = layout(contract);
    }

    @Override
    public void beforeStep(StepExecution step) {
        var parameters = step.getJobParameters();
        load = new Load(parameters.getString("loadId"), java.time.LocalDate.parse(parameters.getString("loadDate")),
                parameters.getLong("schoolUrn").intValue(), system, entity);
    }

    @Override
    public void open(ExecutionContext context) {
        part = context.getLong(PART, 0);
        written = context.getLong(WRITTEN, 0);
        rejected = context.getLong(REJECTED, 0);
        String newest = context.getString(NEWEST_UPDATE, "");
        newestUpdate = newest.isEmpty() ? null : Instant.parse(newest);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(PART, part);
        context.putLong(WRITTEN, written);
        context.putLong(REJECTED, rejected);
        context.putString(NEWEST_UPDATE, newestUpdate == null ? "" : newestUpdate.toString());
    }

    /** The counts a landing step left in its execution context at its last commit. */
    public record Counts(long written, long rejected, Instant newestUpdate) {

        /** Every record read: each was either written or rejected. */
        public long read() {
            return written + rejected;
        }

        public static Counts of(ExecutionContext context) {
            String newest = context.getString(NEWEST_UPDATE, "");
            return new Counts(context.getLong(WRITTEN, 0), context.getLong(REJECTED, 0),
                    newest.isEmpty() ? null : Instant.parse(newest));
        }
    }

    @Override
    public void write(Chunk<? extends LandingBatch> chunk) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> rejectedRows = new ArrayList<>();
        for (LandingRecord record : (Iterable<LandingRecord>) chunk.getItems().stream()
                .flatMap(batch -> batch.records().stream())::iterator) {
            if (record.isRejected()) {
                rejectedRows.add(rejectRow(record));
            } else {
                rows.add(row(record));
            }
            noteUpdate(record);
        }

        part++;
        if (!rows.isEmpty()) {
            ParquetFiles.write(contract, partFile(contract), rows);
        }
        if (!rejectedRows.isEmpty()) {
            ParquetFiles.write(rejects, partFile(rejects), rejectedRows);
        }
        written += rows.size();
        rejected += rejectedRows.size();
    }

    private void noteUpdate(LandingRecord record) {
        Instant update = record.updatedAt();
        if (update != null && (newestUpdate == null || update.isAfter(newestUpdate))) {
            newestUpdate = update;
        }
    }

    private Path partFile(TableContract table) {
        return lake.partition(table, load.schoolUrn(), load.loadDate())
                .resolve(String.format("part-%s-%05d.parquet", load.loadId(), part));
    }

    private Object[] row(LandingRecord record) {
        Object[] row = new Object[layout.length];
        for (int index = 0; index < layout.length; index++) {
            int source = layout[index];
            row[index] = switch (source) {
                case LOAD_ID -> load.loadId();
                case LOCATION -> record.location();
                case POSITION -> record.position();
                default -> record.values()[source];
            };
        }
        return row;
    }

    private Object[] rejectRow(LandingRecord record) {
        Map<String, Object> values = Map.of(
                "load_id", load.loadId(),
                "system", load.system(),
                "entity", load.entity(),
                "source_location", record.location(),
                "source_position", record.position(),
                "raw_record", record.raw() == null ? "" : record.raw(),
                "reason", record.reason(),
                "rejected_at", Instant.now());
        return ParquetSchemas.fileColumns(rejects).stream().map(column -> values.get(column.name())).toArray();
    }

    /** For each file column, the index of its value in a record, or which lineage value it takes. */
    private static int[] layout(TableContract contract) {
        List<Column> sourceColumns = contract.sourceColumns();
        return ParquetSchemas.fileColumns(contract).stream().mapToInt(column -> {
            int index = sourceColumns.indexOf(column);
            if (index >= 0) {
                return index;
            }
            return switch (column.name()) {
                case "load_id" -> LOAD_ID;
                case "source_location" -> LOCATION;
                case "source_position" -> POSITION;
                default -> throw new IllegalStateException(contract.table() + " has lineage column "
                        + column.name() + " that the extract does not fill");
            };
        }).toArray();
    }
}
