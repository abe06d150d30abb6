package org.trustinsights.sample.world;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One staff member in one role from a start date to an end date (null while it lasts). A
 * promotion ends one spell and starts another. {@code post} is null for spells that ended before
 * the sample's first year, which no post of today stands for.
 */
public final class Spell {

    private final StaffMember member;
    private final Post post;
    private final RoleLevel level;
    private final String title;
    private final Post managerPost;
    private final LocalDate start;
    private LocalDate end;

    Spell(StaffMember member, Post post, RoleLevel level, String title, Post managerPost,
            LocalDate start) {
        this.member = requireNonNull(member, "member is null");
        this.post = post;
        this.level = requireNonNull(level, "level is null");
        this.title = requireNonNull(title, "title is null");
        this.managerPost = managerPost;
        this.start = requireNonNull(start, "start is null");
    }

    static Spell in(StaffMember member, Post post, LocalDate start) {
        return new Spell(member, post, post.level(), post.title(), post.manager(), start);
    }

    public StaffMember member() {
        return member;
    }

    public Post post() {
        return post;
    }

    public RoleLevel level() {
        return level;
    }

    public String title() {
        return title;
    }

    public Post managerPost() {
        return managerPost;
    }

    public LocalDate start() {
        return start;
    }

    /** The last day in the role, or null while the spell lasts. */
    public LocalDate end() {
        return end;
    }

    void close(LocalDate lastDay) {
        if (end != null) {
            throw new IllegalStateException("Cannot close spell of " + member.staffId()
                    + ": closed on " + end);
        }
        end = lastDay;
    }

    public boolean covers(LocalDate date) {
        return !start.isAfter(date) && (end == null || !end.isBefore(date));
    }
}
