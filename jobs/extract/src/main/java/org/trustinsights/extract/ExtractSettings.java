package org.trustinsights.extract;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one extract run does: the trust configuration to read, and optionally one school, one
 * entity, the load date (today, in UTC, by default) and the records per chunk (one Parquet
 * part and one commit each). Set as {@code --insights.school=140101}.
 */
@ConfigurationProperties("insights")
public record ExtractSettings(Path config, Integer school, String entity, LocalDate loadDate, Integer chunkSize,
        Integer apiMaxAttempts, java.time.Duration apiFirstWait) {

    public static final int DEFAULT_CHUNK_SIZE = 20_000;
    public static final int DEFAULT_API_MAX_ATTEMPTS = 6;
    public static final java.time.Duration DEFAULT_API_FIRST_WAIT = java.time.Duration.ofMillis(500);
    public static final java.time.Duration API_LONGEST_WAIT = java.time.Duration.ofSeconds(60);

    /** How API calls are retried: {@code insights.api-max-attempts}, {@code insights.api-first-wait}. */
    public org.springframework.retry.support.RetryTemplate apiRetry() {
        return org.trustinsights.extract.source.ApiRetry.template(
                apiMaxAttempts == null ? DEFAULT_API_MAX_ATTEMPTS : apiMaxAttempts,
                apiFirstWait == null ? DEFAULT_API_FIRST_WAIT : apiFirstWait, API_LONGEST_WAIT);
    }

    public int chunkSizeOrDefault() {
        return chunkSize == null ? DEFAULT_CHUNK_SIZE : chunkSize;
    }

    public LocalDate loadDateOrToday() {
        return loadDate == null ? LocalDate.now(java.time.ZoneOffset.UTC) : loadDate;
    }
}
