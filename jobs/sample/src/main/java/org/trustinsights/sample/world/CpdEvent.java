package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.trustinsights.config.AcademicYear;

/** A professional development event in a school's CPD record, aimed at some behaviours. */
public record CpdEvent(
        String eventId,
        School school,
        AcademicYear year,
        String title,
        LocalDate date,
        String provider,
        List<String> behaviours,
        double hours,
        LocalDateTime updatedAt) {

    public CpdEvent {
        behaviours = List.copyOf(behaviours);
    }
}
