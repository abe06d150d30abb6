package org.trustinsights.extract.landing;

/**
 * One record read from a source: either its typed values, in the order of the contract's
 * source columns, or the reason it could not be typed with the raw text kept. {@code location}
 * is the file (relative to the drop folder), table or endpoint; {@code position} the line or
 * record number within it. {@code updatedAt} is the record's own change time where it could be
 * read, even on a rejected record, so the watermark moves past rejects too.
 */
public record LandingRecord(Object[] values, String reason, String raw, String location, long position,
        java.time.Instant updatedAt) {

    public static LandingRecord typed(Object[] values, String raw, String location, long position,
            java.time.Instant updatedAt) {
        return new LandingRecord(values, null, raw, location, position, updatedAt);
    }

    public static LandingRecord rejected(String reason, String raw, String location, long position) {
        return new LandingRecord(null, reason, raw, location, position, null);
    }

    public LandingRecord withUpdatedAt(java.time.Instant time) {
        return new LandingRecord(values, reason, raw, location, position, time);
    }

    public boolean isRejected() {
        return reason != null;
    }
}
