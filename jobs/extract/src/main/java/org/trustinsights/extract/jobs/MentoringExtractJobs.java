package org.trustinsights.extract.jobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trustinsights.extract.LandingJob;
import org.trustinsights.extract.LandingJobFactory;

/** From the trust's mentoring records: mentoring relationships, often across schools. */
@Configuration
public class MentoringExtractJobs {

    @Bean
    public LandingJob relationshipsExtractJob(LandingJobFactory jobs) {
        return jobs.landingJob("mentoring", "relationships");
    }
}
