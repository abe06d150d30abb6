package org.trustinsights.sample.world;

import java.time.LocalDateTime;

/** A leader booked on a CPD event, and whether they came. */
public record Booking(
        CpdEvent event,
        StaffMember member,
        boolean attended,
        LocalDateTime updatedAt) {}
