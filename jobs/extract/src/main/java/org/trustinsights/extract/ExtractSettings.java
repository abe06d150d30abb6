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
public record ExtractSettings(Path config, Integer school, String entity, LocalDate loadDate, Integer chunkSize) {

    public static final int DEFAULT_CHUNK_SIZE = 20_000;

    public int chunkSizeOrDefault() {
        return chunkSize == null ? DEFAULT_CHUNK_SIZE : chunkSize;
    }

    public LocalDate loadDateOrToday() {
        return loadDate == null ? LocalDate.now(java.time.ZoneOffset.UTC) : loadDate;
    }
}
