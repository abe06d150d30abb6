package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.trustinsights.config.AcademicYear;

/**
 * A 90-day development cycle on one to three focus behaviours (codes). {@code completed} is set
 * only for completed cycles; a completed cycle lifts the leader's strength in its focus
 * behaviours from that day.
 */
public record Cycle(
        String cycleId,
        StaffMember member,
        AcademicYear year,
        LocalDate start,
        LocalDate due,
        LocalDate completed,
        CycleStatus status,
        List<String> focus,
        LocalDateTime updatedAt,
        List<Checkin> checkins) {

    public static final int LENGTH_DAYS = 90;

    public Cycle {
        focus = List.copyOf(focus);
        checkins = List.copyOf(checkins);
    }

    public School school() {
        return member.school();
    }
}
