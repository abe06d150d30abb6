package org.trustinsights.extract;

import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import java.util.ArrayList;
import java.util.List;

import org.trustinsights.extract.landing.LandingBatch;
import org.trustinsights.extract.landing.LandingRecord;

/**
 * The reader of one landing step. The source it reads (new drop files, a database past its
 * watermark, an API) is only known once the step starts, from the school in the job's
 * parameters and what the scan step found, so the real reader is made then.
 */
final class LandingReader implements ItemStreamReader<LandingBatch>, StepExecutionListener {

    private final LandingJobFactory factory;
    private final String name;
    private final String system;
    private final String entity;
    private final int batchSize;
    private ItemStreamReader<LandingRecord> source;

    LandingReader(LandingJobFactory factory, String name, String system, String entity, int batchSize) {
        this.factory = factory;
        this.name = name;
        this.system = system;
        this.entity = entity;
        this.batchSize = batchSize;
    }

    @Override
    public void beforeStep(StepExecution step) {
        int urn = step.getJobParameters().getLong("schoolUrn").intValue();
        source = factory.sourceReader(name, urn, system, entity, step.getJobExecution().getExecutionContext());
    }

    @Override
    public void open(ExecutionContext context) {
        source.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        source.update(context);
    }

    /** Closes the source (files, a database cursor); steps close their streams after their listeners. */
    @Override
    public void close() {
        if (source != null) {
            source.close();
            source = null;
        }
    }

    /** The next records of the source, up to a batch of them, or null once it is read. */
    @Override
    public LandingBatch read() throws Exception {
        List<LandingRecord> records = new ArrayList<>(batchSize);
        for (LandingRecord record = source.read(); record != null; record = source.read()) {
            records.add(record);
            if (records.size() == batchSize) {
                break;
            }
        }
        return records.isEmpty() ? null : new LandingBatch(records);
    }
}
