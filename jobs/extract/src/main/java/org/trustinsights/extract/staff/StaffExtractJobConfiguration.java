package org.trustinsights.extract.staff;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trustinsights.extract.LandingJob;
import org.trustinsights.extract.LandingSteps;
import org.trustinsights.extract.landing.LandingRecord;
import org.trustinsights.extract.landing.LandingWriter;

/**
 * Lands staff and role history from a school's MIS (a CSV or JSON-lines drop, or the MIS
 * database) into {@code bronze.mis_staff}: one job execution per school and load.
 */
@Configuration
public class StaffExtractJobConfiguration {

    static final String SYSTEM = "mis";
    static final String ENTITY = "staff";

    @Bean
    public Job staffExtractJob(JobRepository jobRepository, LandingSteps steps, Step staffLandingStep) {
        return new JobBuilder("staffExtractJob", jobRepository)
                .start(steps.scanStep("staffScanStep", SYSTEM, ENTITY))
                .next(staffLandingStep)
                .next(steps.manifestStep("staffManifestStep", "staffLandingStep", SYSTEM, ENTITY))
                .build();
    }

    @Bean
    public LandingJob staffLanding(Job staffExtractJob) {
        return new LandingJob(SYSTEM, ENTITY, staffExtractJob);
    }

    @Bean
    public Step staffLandingStep(LandingSteps steps, ItemStreamReader<LandingRecord> staffReader,
            LandingWriter staffParquetWriter) {
        return steps.landingStep("staffLandingStep", staffReader, staffParquetWriter);
    }

    @Bean
    @StepScope
    public ItemStreamReader<LandingRecord> staffReader(LandingSteps steps,
            @Value("#{stepExecution}") StepExecution step) {
        int urn = step.getJobParameters().getLong("schoolUrn").intValue();
        return steps.reader("staffReader", urn, SYSTEM, ENTITY, step.getJobExecution().getExecutionContext());
    }

    @Bean
    @StepScope
    public LandingWriter staffParquetWriter(LandingSteps steps, @Value("#{stepExecution}") StepExecution step) {
        return steps.writer(LandingSteps.load(step.getJobExecution(), SYSTEM, ENTITY));
    }
}
