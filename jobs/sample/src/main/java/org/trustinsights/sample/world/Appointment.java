package org.trustinsights.sample.world;

/** Who holds a post in an academic year. */
public record Appointment(Post post, StaffMember member) {

    public Person person() {
        return member.person();
    }

    public School school() {
        return post.school();
    }

    public RoleLevel level() {
        return post.level();
    }
}
