package org.trustinsights.extract;

import org.springframework.batch.core.Job;

/** A job that lands one entity of one school system; each job configuration declares one. */
public record LandingJob(String system, String entity, Job job) {}
