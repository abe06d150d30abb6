package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.trustinsights.config.AcademicYear;

/**
 * One leader's diagnostic in an academic year: the form, the raters, and a copy of the leader's
 * true strengths on the day, from which {@link Ratings} draws every answer.
 */
public record Sitting(
        int number,
        String sittingId,
        StaffMember member,
        RoleLevel level,
        AcademicYear year,
        LocalDate date,
        Form form,
        boolean open,
        List<Rater> raters,
        float[] strengths,
        LocalDateTime updatedAt) {

    public Sitting {
        raters = List.copyOf(raters);
        strengths = strengths.clone();
    }

    public Person person() {
        return member.person();
    }

    public School school() {
        return member.school();
    }

    public int answeredRaters() {
        return (int) raters.stream().filter(Rater::answered).count();
    }

    public String status() {
        return open ? "open" : "completed";
    }
}
