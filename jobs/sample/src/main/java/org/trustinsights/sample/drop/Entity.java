package org.trustinsights.sample.drop;

import java.util.List;

/**
 * The entities the sample trust's systems hand over, with their columns in order as the landing
 * contracts in {@code schemas/bronze/} name them, and the columns that identify a record.
 */
public enum Entity {
    MIS_STAFF("mis", "staff",
            List.of("staff_id", "trn", "email", "given_name", "family_name", "role_title",
                    "role_level", "line_manager_staff_id", "role_start_date", "role_end_date",
                    "npq", "updated_at"),
            List.of("staff_id", "role_start_date")),
    DIAGNOSTICS_ITEMS("diagnostics", "items",
            List.of("item_id", "behaviour_code", "behaviour_name", "domain_code", "domain_name",
                    "item_text", "scale_min", "scale_max", "updated_at"),
            List.of("item_id")),
    DIAGNOSTICS_SITTINGS("diagnostics", "sittings",
            List.of("sitting_id", "participant_id", "staff_id", "trn", "email", "sitting_date",
                    "form_code", "status", "updated_at"),
            List.of("sitting_id")),
    DIAGNOSTICS_RESPONSES("diagnostics", "responses",
            List.of("sitting_id", "rater_id", "rater_role", "item_id", "score", "answered_at",
                    "updated_at"),
            List.of("sitting_id", "rater_id", "item_id")),
    DIAGNOSTICS_CYCLES("diagnostics", "cycles",
            List.of("cycle_id", "participant_id", "staff_id", "start_date", "due_date",
                    "completed_date", "status", "focus_behaviours", "updated_at"),
            List.of("cycle_id")),
    DIAGNOSTICS_CHECKINS("diagnostics", "checkins",
            List.of("checkin_id", "cycle_id", "checkin_date", "note", "updated_at"),
            List.of("checkin_id")),
    CPD_EVENTS("cpd", "events",
            List.of("event_id", "title", "event_date", "provider", "behaviour_codes", "hours",
                    "updated_at"),
            List.of("event_id")),
    CPD_ATTENDANCE("cpd", "attendance",
            List.of("event_id", "staff_id", "attended", "updated_at"),
            List.of("event_id", "staff_id")),
    MENTORING_RELATIONSHIPS("mentoring", "relationships",
            List.of("relationship_id", "mentor_school_urn", "mentor_staff_id", "mentee_staff_id",
                    "behaviour_code", "start_date", "end_date", "status", "updated_at"),
            List.of("relationship_id"));

    private final String system;
    private final String entity;
    private final List<String> columns;
    private final List<String> keyColumns;

    Entity(String system, String entity, List<String> columns, List<String> keyColumns) {
        this.system = system;
        this.entity = entity;
        this.columns = columns;
        this.keyColumns = keyColumns;
    }

    public String system() {
        return system;
    }

    /** The entity's name within its system, which is also its drop folder. */
    public String entity() {
        return entity;
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    public int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("Cannot find column " + name + " in " + this);
        }
        return index;
    }

    @Override
    public String toString() {
        return system + "/" + entity;
    }
}
