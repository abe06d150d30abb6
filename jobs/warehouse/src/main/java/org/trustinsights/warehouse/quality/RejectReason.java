package org.trustinsights.warehouse.quality;

import java.util.Arrays;

/**
 * Why the extract refused a record, read from the words of its reason in {@code bronze.rejects}.
 * Each reason is a check on landing loads: the records it refused are kept aside, so the check
 * warns and the run goes on with the rest of the load.
 */
public enum RejectReason {
    SCHOOL_IN_TRUST("is not a school of the trust", QualityCheck.Kind.REFERENCE),
    RECORD_UNIQUE("duplicate of an earlier record", QualityCheck.Kind.UNIQUENESS),
    REQUIRED_PRESENT("is empty but required", QualityCheck.Kind.COMPLETENESS),
    VALUE_ALLOWED("is not one of", QualityCheck.Kind.ALLOWED_VALUES),
    VALUE_PATTERN("does not match", QualityCheck.Kind.PATTERN),
    VALUE_IN_RANGE("is outside", QualityCheck.Kind.RANGE),
    VALUE_TYPED("is not a", QualityCheck.Kind.PATTERN),
    RECORD_READABLE("", QualityCheck.Kind.PATTERN);

    private final String words;
    private final QualityCheck.Kind kind;

    RejectReason(String words, QualityCheck.Kind kind) {
        this.words = words;
        this.kind = kind;
    }

    /** The check's name, such as {@code rejects_value_in_range}. */
    public String checkName() {
        return "rejects_" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the extract's reason says when a record is refused for this reason. */
    public String words() {
        return words;
    }

    public QualityCheck.Kind kind() {
        return kind;
    }

    /**
     * The first reason whose words the text holds, in declaration order, so that "is not a school
     * of the trust" is not taken for a value of the wrong type; a reason we do not know is
     * {@link #RECORD_READABLE}.
     */
    public static RejectReason of(String reason) {
        return Arrays.stream(values())
                .filter(value -> !value.words.isEmpty() && reason.contains(value.words))
                .findFirst()
                .orElse(RECORD_READABLE);
    }
}
