package org.trustinsights.contract;

import static java.util.Objects.requireNonNullElse;

/** A check over several columns of a row, as a Spark SQL condition that holds for good rows. */
public record RowRule(String name, Level level, String description, String condition) {

    /** An error stops the load; a warning is reported and the run goes on. */
    public enum Level {
        ERROR,
        WARNING;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Level fromYaml(String value) {
            return switch (value) {
                case "error" -> ERROR;
                case "warning" -> WARNING;
                default -> throw new IllegalArgumentException(
                        "unknown rule level '" + value + "'; use error or warning");
            };
        }
    }

    public RowRule {
        level = requireNonNullElse(level, Level.ERROR);
        description = requireNonNullElse(description, "");
    }
}
