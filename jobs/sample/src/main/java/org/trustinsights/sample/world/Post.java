package org.trustinsights.sample.world;

import static java.util.Objects.requireNonNull;

/**
 * A leadership post at a school, such as the school's headteacher or its head of mathematics.
 * Posts stay while people come and go. {@code manager} is the post that manages this one in the
 * school's MIS: the headteacher for deputies and assistant heads, a deputy or assistant head for
 * middle leaders, the executive head for the headteacher of the executive head's own school.
 */
public final class Post {

    private final int id;
    private final School school;
    private final RoleLevel level;
    private final String title;
    private final Post manager;

    public Post(int id, School school, RoleLevel level, String title, Post manager) {
        this.id = id;
        this.school = requireNonNull(school, "school is null");
        this.level = requireNonNull(level, "level is null");
        this.title = requireNonNull(title, "title is null");
        this.manager = manager;
    }

    public int id() {
        return id;
    }

    public School school() {
        return school;
    }

    public RoleLevel level() {
        return level;
    }

    public String title() {
        return title;
    }

    /** The managing post in the school's MIS; null when the manager works outside the school. */
    public Post manager() {
        return manager;
    }

    @Override
    public String toString() {
        return "post " + id + " (" + level.code() + " at " + school.urn() + ")";
    }
}
