package org.trustinsights.config;

/**
 * One school system as the extract reaches it. {@code kind} is {@code files} (a drop folder,
 * {@code location}, in {@code format} csv or jsonl), {@code jdbc} (a database {@code url}) or
 * {@code api} (an HTTP JSON {@code url}). Secrets are never written here: {@code userEnv},
 * {@code passwordEnv} and {@code tokenEnv} name the environment variables that hold them. A
 * database source may give a query per entity, with one {@code ?} for the watermark; the
 * default is {@code SELECT * FROM <entity> WHERE updated_at > ? ORDER BY updated_at}. A drop
 * folder may name a {@code completionMarker} (a file is taken once {@code <file><marker>}
 * exists), may leave a file changed in the last {@code settleSeconds} for the next run (it may
 * still be growing; 0, the default, takes every file), and may {@code archive} taken files into
 * {@code archive/<load date>/}.
 */
public record SourceConfig(
        String kind,
        String format,
        String location,
        String url,
        String user,
        String userEnv,
        String passwordEnv,
        String tokenEnv,
        java.util.Map<String, String> queries,
        String completionMarker,
        Integer settleSeconds,
        Boolean archive) {

    public static final int DEFAULT_SETTLE_SECONDS = 0;

    public SourceConfig {
        queries = queries == null ? java.util.Map.of() : java.util.Map.copyOf(queries);
        settleSeconds = settleSeconds == null ? DEFAULT_SETTLE_SECONDS : settleSeconds;
        archive = archive != null && archive;
    }

    /** The query that reads an entity from a database source, past a watermark given as {@code ?}. */
    public String query(String entity) {
        return queries.getOrDefault(entity, "SELECT * FROM " + entity + " WHERE updated_at > ? ORDER BY updated_at");
    }

    /** The same source with its folder and URL resolved against the configuration's folder. */
    SourceConfig resolvedAgainst(java.nio.file.Path configFolder) {
        String folder = configFolder.toAbsolutePath().normalize().toString();
        String resolvedLocation = location == null ? null
                : configFolder.resolve(location).toAbsolutePath().normalize().toString();
        String resolvedUrl = url == null ? null : url.replace("{config_dir}", folder);
        return new SourceConfig(kind, format, resolvedLocation, resolvedUrl, user, userEnv,
                passwordEnv, tokenEnv, queries, completionMarker, settleSeconds, archive);
    }
}
