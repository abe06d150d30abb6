package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A leader's short note on the progress of a development cycle. */
public record Checkin(String checkinId, LocalDate date, String note, LocalDateTime updatedAt) {}
