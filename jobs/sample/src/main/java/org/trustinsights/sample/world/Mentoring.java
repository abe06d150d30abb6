package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.trustinsights.config.AcademicYear;

/**
 * A mentoring relationship on one behaviour, kept by the mentee's school. The mentor usually
 * works at another school of the trust. {@code end} is null while the relationship is active.
 */
public record Mentoring(
        String relationshipId,
        StaffMember mentor,
        StaffMember mentee,
        String behaviourCode,
        AcademicYear year,
        LocalDate start,
        LocalDate end,
        LocalDateTime updatedAt) {

    public School school() {
        return mentee.school();
    }

    public String status() {
        return end == null ? "active" : "ended";
    }
}
