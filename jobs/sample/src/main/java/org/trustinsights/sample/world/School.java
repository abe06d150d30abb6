package org.trustinsights.sample.world;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

import org.trustinsights.config.AcademicYear;

/**
 * A school of the sample trust. {@code cluster} groups about ten schools under one executive
 * head; {@code emailDomain} is where its staff's e-mail addresses live.
 */
public record School(
        int index,
        int urn,
        String name,
        Phase phase,
        String region,
        LocalDate joinedOn,
        String emailDomain,
        StaffStore staffStore,
        int cluster) {

    public School {
        requireNonNull(name, "name is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(joinedOn, "joinedOn is null");
        requireNonNull(staffStore, "staffStore is null");
    }

    /** Whether the school belongs to the trust for the whole of the academic year. */
    public boolean inTrustDuring(AcademicYear year) {
        return !joinedOn.isAfter(year.firstDay());
    }
}
