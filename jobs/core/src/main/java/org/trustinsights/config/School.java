package org.trustinsights.config;

import java.time.LocalDate;
import java.util.Map;

/** A school of the trust, with the systems its data comes from, by system name. */
public record School(
        Integer urn,
        String name,
        String phase,
        String region,
        LocalDate joinedOn,
        Map<String, SourceConfig> sources) {

    public School {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }
}
