package org.trustinsights.sample.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.trustinsights.config.AcademicYear;

/**
 * The simulated trust, everything its school systems hold: schools, leaders and their role
 * spells, sittings (answers are drawn on demand through {@link #ratings()}), cycles, CPD and
 * mentoring. Also holds the truth behind the data (self views, school cultures) for tests.
 */
public final class SampleTrust {

    private final TrustSettings settings;
    private final SampleFramework framework;
    private final List<School> schools;
    private final Map<AcademicYear, List<String>> priorities;
    private final Cultures cultures;
    private final Ratings ratings;
    private final Workforce workforce;
    private final List<Person> people;
    private final List<StaffMember> staff;
    private final List<Sitting> sittings;
    private final List<Cycle> cycles;
    private final List<CpdEvent> events;
    private final List<Booking> bookings;
    private final List<Mentoring> mentoring;
    private final Map<String, List<StaffMember>> staffBySchool;
    private final Map<String, List<Sitting>> sittingsByDrop;
    private final Map<String, List<Cycle>> cyclesByDrop;
    private final Map<String, List<CpdEvent>> eventsByDrop;
    private final Map<String, List<Booking>> bookingsByDrop;
    private final Map<String, List<Mentoring>> mentoringByDrop;

    SampleTrust(TrustSettings settings, SampleFramework framework, List<School> schools,
            Map<AcademicYear, List<String>> priorities, Cultures cultures, Ratings ratings,
            Workforce workforce, List<Person> people, List<StaffMember> staff,
            List<Sitting> sittings, List<Cycle> cycles, List<CpdEvent> events,
            List<Booking> bookings, List<Mentoring> mentoring) {
        this.settings = settings;
        this.framework = framework;
        this.schools = List.copyOf(schools);
        this.priorities = Map.copyOf(priorities);
        this.cultures = cultures;
        this.ratings = ratings;
        this.workforce = workforce;
        this.people = List.copyOf(people);
        this.staff = List.copyOf(staff);
        this.sittings = List.copyOf(sittings);
        this.cycles = List.copyOf(cycles);
        this.events = List.copyOf(events);
        this.bookings = List.copyOf(bookings);
        this.mentoring = List.copyOf(mentoring);
        this.staffBySchool = group(this.staff, member -> String.valueOf(member.school().urn()));
        this.sittingsByDrop = group(this.sittings,
                sitting -> drop(sitting.school(), sitting.year()));
        this.cyclesByDrop = group(this.cycles, cycle -> drop(cycle.school(), cycle.year()));
        this.eventsByDrop = group(this.events, event -> drop(event.school(), event.year()));
        this.bookingsByDrop = group(this.bookings,
                booking -> drop(booking.event().school(), booking.event().year()));
        this.mentoringByDrop = group(this.mentoring,
                relationship -> drop(relationship.school(), relationship.year()));
    }

    public TrustSettings settings() {
        return settings;
    }

    public String name() {
        return Vocabulary.TRUST_NAME;
    }

    public String code() {
        return Vocabulary.TRUST_CODE;
    }

    public SampleFramework framework() {
        return framework;
    }

    public List<School> schools() {
        return schools;
    }

    public List<AcademicYear> years() {
        return settings.years();
    }

    /** The academic years a school was in the trust for, of those simulated. */
    public List<AcademicYear> years(School school) {
        return settings.years().stream().filter(school::inTrustDuring).toList();
    }

    public List<String> priorities(AcademicYear year) {
        return priorities.getOrDefault(year, List.of());
    }

    public Cultures cultures() {
        return cultures;
    }

    public Ratings ratings() {
        return ratings;
    }

    public List<Person> people() {
        return people;
    }

    public List<StaffMember> staff(School school) {
        return staffBySchool.getOrDefault(String.valueOf(school.urn()), List.of());
    }

    /** The member who held the post on the date, or null. */
    public StaffMember holderOn(Post post, LocalDate date) {
        return post == null ? null : workforce.holderOn(post, date);
    }

    public List<Sitting> sittings() {
        return sittings;
    }

    public List<Sitting> sittings(School school, AcademicYear year) {
        return sittingsByDrop.getOrDefault(drop(school, year), List.of());
    }

    public List<Cycle> cycles() {
        return cycles;
    }

    public List<Cycle> cycles(School school, AcademicYear year) {
        return cyclesByDrop.getOrDefault(drop(school, year), List.of());
    }

    public List<CpdEvent> events(School school, AcademicYear year) {
        return eventsByDrop.getOrDefault(drop(school, year), List.of());
    }

    public List<Booking> bookings(School school, AcademicYear year) {
        return bookingsByDrop.getOrDefault(drop(school, year), List.of());
    }

    public List<Mentoring> mentoring() {
        return mentoring;
    }

    public List<Mentoring> mentoring(School school, AcademicYear year) {
        return mentoringByDrop.getOrDefault(drop(school, year), List.of());
    }

    /** The key of one school's drop for one year. */
    private static String drop(School school, AcademicYear year) {
        return school.urn() + "/" + year;
    }

    private static <T> Map<String, List<T>> group(List<T> values, Function<T, String> key) {
        Map<String, List<T>> groups = new HashMap<>();
        values.forEach(value -> groups
                .computeIfAbsent(key.apply(value), found -> new ArrayList<>())
                .add(value));
        return groups;
    }
}
