package org.trustinsights.extract.jobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trustinsights.extract.LandingJob;
import org.trustinsights.extract.LandingJobFactory;

/**
 * From the diagnostics platform: the framework's items, diagnostic sittings and their
 * item-level responses, 90-day development cycles and their check-ins.
 */
@Configuration
public class DiagnosticsExtractJobs {

    @Bean
    public LandingJob itemsExtractJob(LandingJobFactory jobs) {
        return jobs.landingJob("diagnostics", "items");
    }

    @Bean
    public LandingJob sittingsExtractJob(LandingJobFactory jobs) {
        return jobs.landingJob("diagnostics", "sittings");
    }

    @Bean
    public LandingJob responsesExtractJob(LandingJobFactory jobs) {
        return jobs.landingJob("diagnostics", "responses");
    }

    @Bean
    public LandingJob cyclesExtractJob(LandingJobFactory jobs) {
        return jobs.landingJob("diagnostics", "cycles");
    }

    @Bean
    public LandingJob checkinsExtractJob(LandingJobFactory jobs) {
        return jobs.landingJob("diagnostics", "checkins");
    }
}
