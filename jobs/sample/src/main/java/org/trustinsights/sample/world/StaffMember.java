package org.trustinsights.sample.world;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A leader as one school's MIS knows them: a staff id and an e-mail address of that school, and
 * the role spells they held there. A leader who moves school becomes a new staff member.
 */
public final class StaffMember {

    private final Person person;
    private final School school;
    private final String staffId;
    private final String email;
    private final List<Spell> spells = new ArrayList<>();

    StaffMember(Person person, School school, String staffId, String email) {
        this.person = requireNonNull(person, "person is null");
        this.school = requireNonNull(school, "school is null");
        this.staffId = requireNonNull(staffId, "staffId is null");
        this.email = requireNonNull(email, "email is null");
    }

    public Person person() {
        return person;
    }

    public School school() {
        return school;
    }

    public String staffId() {
        return staffId;
    }

    public String email() {
        return email;
    }

    public List<Spell> spells() {
        return List.copyOf(spells);
    }

    void add(Spell spell) {
        spells.add(spell);
    }

    Spell currentSpell() {
        return spells.get(spells.size() - 1);
    }
}
