package org.trustinsights.extract;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one extract run does: the trust configuration to read, and optionally one school, one
 * entity and the load date (today, in UTC, by default). Set as {@code --insights.school=140101}.
 */
@ConfigurationProperties("insights")
public record ExtractSettings(Path config, Integer school, String entity, LocalDate loadDate) {

    public LocalDate loadDateOrToday() {
        return loadDate == null ? LocalDate.now(java.time.ZoneOffset.UTC) : loadDate;
    }
}
