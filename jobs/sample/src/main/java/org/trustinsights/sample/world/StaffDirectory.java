package org.trustinsights.sample.world;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives leaders their identity in a school's MIS: a staff id in that MIS's own style (ST01234 in
 * the schools that drop CSV files, plain numbers in the database schools) and an e-mail address
 * at the school, unique within it.
 */
final class StaffDirectory {

    private final long seed;
    private final Map<School, Integer> lastNumbers = new HashMap<>();
    private final Map<School, Set<String>> emails = new HashMap<>();
    private final List<StaffMember> members = new ArrayList<>();

    StaffDirectory(long seed) {
        this.seed = seed;
    }

    StaffMember join(Person person, School school) {
        StaffMember member = new StaffMember(person, school, nextStaffId(school),
                email(person, school));
        members.add(member);
        return member;
    }

    List<StaffMember> all() {
        return List.copyOf(members);
    }

    /** Numbers rise with gaps, for the staff who are not leaders. */
    private String nextStaffId(School school) {
        boolean files = school.staffStore() == StaffStore.FILES;
        int first = files ? 1000 + school.urn() % 700 : 200_000 + school.urn() % 7000 * 10;
        int last = lastNumbers.getOrDefault(school, first);
        int number = last + Dice.of(seed, "staff-id", school.index(), last).between(1, 6);
        lastNumbers.put(school, number);
        return files ? String.format("ST%05d", number) : String.valueOf(number);
    }

    private String email(Person person, School school) {
        Set<String> used = emails.computeIfAbsent(school, key -> new HashSet<>());
        String local = letters(person.givenName()) + "." + letters(person.familyName());
        String email = local + "@" + school.emailDomain();
        for (int suffix = 2; !used.add(email); suffix++) {
            email = local + suffix + "@" + school.emailDomain();
        }
        return email;
    }

    private static String letters(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z-]", "");
    }
}
