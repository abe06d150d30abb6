package org.trustinsights.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The column types a contract may use; each job maps them to its own engine's types. */
public enum ColumnType {
    STRING,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    DATE,
    TIMESTAMP;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ColumnType fromYaml(String value) {
        return Arrays.stream(values())
                .filter(type -> type.yamlName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown column type '" + value + "'; use one of " + names()));
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == DOUBLE;
    }

    static String names() {
        return Arrays.stream(values()).map(ColumnType::yamlName).collect(Collectors.joining(", "));
    }
}
