package org.trustinsights.sample.world;

import java.util.Locale;

/** Where a 90-day development cycle stands on the day the data is taken. */
public enum CycleStatus {
    ACTIVE,
    COMPLETED,
    ABANDONED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
