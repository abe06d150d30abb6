package org.trustinsights;

import static java.util.Objects.requireNonNull;

/**
 * The one exception family of the pipeline. The category lets runs count failures by kind;
 * the message says what could not be done, to what, and how to fix it.
 */
public class InsightsException extends RuntimeException {

    /** What kind of thing went wrong. */
    public enum Category {
        CONFIGURATION,
        CONTRACT,
        SOURCE,
        QUALITY,
        STORAGE
    }

    private final Category category;

    public InsightsException(Category category, String message) {
        super(message);
        this.category = requireNonNull(category, "category is null");
    }

    public InsightsException(Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = requireNonNull(category, "category is null");
    }

    public Category category() {
        return category;
    }
}
