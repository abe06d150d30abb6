package org.trustinsights.extract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;

/** Reports a long landing step's progress, rows read and rows per second, every few seconds. */
final class LandingProgress implements ChunkListener, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LandingProgress.class);
    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final String stepName;
    private long started;
    private long lastReport;

    LandingProgress(String stepName) {
        this.stepName = stepName;
    }

    @Override
    public void beforeStep(StepExecution step) {
        started = System.nanoTime();
        lastReport = started;
    }

    @Override
    public void afterChunk(ChunkContext context) {
        long now = System.nanoTime();
        if (now - lastReport < INTERVAL_NANOS) {
            return;
        }
        lastReport = now;
        StepExecution step = context.getStepContext().getStepExecution();
        long read = org.trustinsights.extract.landing.LandingWriter.Counts.of(step.getExecutionContext()).read();
        log.info("{} for school {}: {} records read, {} a second", stepName,
                step.getJobParameters().getLong("schoolUrn"), read, Math.round(read / ((now - started) / 1e9)));
    }
}
