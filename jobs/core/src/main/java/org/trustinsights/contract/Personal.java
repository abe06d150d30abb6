package org.trustinsights.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a column relates to a person. */
public enum Personal {
    /** Names a person: name, e-mail, teacher reference number, free text. */
    DIRECT,
    /** Stands for a person without naming them: a keyed hash or a system's own id. */
    PSEUDONYMOUS;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Personal fromYaml(String value) {
        return switch (value) {
            case "direct" -> DIRECT;
            case "pseudonymous" -> PSEUDONYMOUS;
            default -> throw new IllegalArgumentException(
                    "unknown personal-data kind '" + value + "'; use direct or pseudonymous");
        };
    }
}
