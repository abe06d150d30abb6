package org.trustinsights.extract.jobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trustinsights.extract.LandingJob;
import org.trustinsights.extract.LandingJobFactory;

/** From a school's CPD records: events and who attended them. */
@Configuration
public class CpdExtractJobs {

    @Bean
    public LandingJob eventsExtractJob(LandingJobFactory jobs) {
        return jobs.landingJob("cpd", "events");
    }

    @Bean
    public LandingJob attendanceExtractJob(LandingJobFactory jobs) {
        return jobs.landingJob("cpd", "attendance");
    }
}
