package org.trustinsights.extract.jobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trustinsights.extract.LandingJob;
import org.trustinsights.extract.LandingJobFactory;

/** From a school's MIS or HR system: staff and role history, into {@code bronze.mis_staff}. */
@Configuration
public class MisExtractJobs {

    @Bean
    public LandingJob staffExtractJob(LandingJobFactory jobs) {
        return jobs.landingJob("mis", "staff");
    }
}
