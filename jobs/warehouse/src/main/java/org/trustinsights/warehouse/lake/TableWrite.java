package org.trustinsights.warehouse.lake;

/**
 * What writing one table did: rows inserted or changed, the Delta version it left, and whether
 * it was skipped because nothing had changed.
 */
public record TableWrite(String table, long rowsWritten, long version, boolean unchanged, double seconds) {

    public String describe() {
        if (unchanged) {
            return String.format("%-34s unchanged  version %3d  %6.1f s", table, version, seconds);
        }
        return String.format("%-34s %9d rows  version %3d  %6.1f s", table, rowsWritten, version, seconds);
    }
}
