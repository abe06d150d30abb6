package org.trustinsights.sample.world;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses who rates a leader's sitting: the leader, their line manager (the executive head for a
 * headteacher, the chief executive for an executive head), two to five peers, and direct
 * reports: teachers for a middle leader, the middle leaders they manage for assistant and deputy
 * heads, the senior team for a headteacher, the cluster's headteachers for an executive head.
 */
final class RaterPanel {

    static final int MOST_DIRECT_REPORTS = 6;
    static final int MOST_TEACHER_REPORTS = 6;
    static final int TEACHERS_PER_POST = 3;

    /** A rater by platform user number. */
    record Chosen(long user, RaterRole role) {}

    private final Roster roster;
    private final Appointment appointment;
    private final Dice dice;
    private final Set<Long> taken = new HashSet<>();
    private final List<Chosen> chosen = new ArrayList<>();

    RaterPanel(Roster roster, Appointment appointment, Dice dice) {
        this.roster = roster;
        this.appointment = appointment;
        this.dice = dice;
    }

    List<Chosen> choose() {
        add(appointment.person().index(), RaterRole.SELF);
        add(lineManager(), RaterRole.LINE_MANAGER);
        addPeers();
        addDirectReports();
        return List.copyOf(chosen);
    }

    private long lineManager() {
        switch (appointment.level()) {
            case EXECUTIVE_HEAD:
                return Raters.CHIEF_EXECUTIVE;
            case HEADTEACHER:
                Appointment executive = roster.executiveHead(appointment.school().cluster());
                return executive == null ? Raters.CHIEF_EXECUTIVE : executive.person().index();
            default:
                Appointment manager = roster.at(appointment.post().manager());
                return manager == null ? Raters.CHIEF_EXECUTIVE : manager.person().index();
        }
    }

    private void addPeers() {
        int wanted = 2 + dice.weighted(0.1, 0.2, 0.35, 0.35);
        List<Long> pool = new ArrayList<>(users(dice.shuffle(closePeers())));
        pool.addAll(users(dice.shuffle(widerPeers())));
        if (appointment.level() == RoleLevel.EXECUTIVE_HEAD) {
            for (int member = 0; member < Raters.CENTRAL_TEAM_SIZE; member++) {
                pool.add((long) Raters.CENTRAL_TEAM + member);
            }
        }
        int added = 0;
        for (long user : pool) {
            if (added < wanted && add(user, RaterRole.PEER)) {
                added++;
            }
        }
    }

    private List<Appointment> closePeers() {
        School school = appointment.school();
        return switch (appointment.level()) {
            case MIDDLE_LEADER -> roster.at(school, RoleLevel.MIDDLE_LEADER);
            case ASSISTANT_HEAD, DEPUTY_HEAD -> concat(roster.at(school, RoleLevel.ASSISTANT_HEAD),
                    roster.at(school, RoleLevel.DEPUTY_HEAD));
            case HEADTEACHER -> roster.heads(school.cluster());
            case EXECUTIVE_HEAD -> roster.executiveHeads();
        };
    }

    private List<Appointment> widerPeers() {
        School school = appointment.school();
        return switch (appointment.level()) {
            case MIDDLE_LEADER -> roster.at(school, RoleLevel.ASSISTANT_HEAD);
            case ASSISTANT_HEAD, DEPUTY_HEAD -> roster.at(school, RoleLevel.MIDDLE_LEADER);
            case HEADTEACHER -> roster.heads();
            case EXECUTIVE_HEAD -> List.of();
        };
    }

    private void addDirectReports() {
        if (appointment.level() == RoleLevel.MIDDLE_LEADER) {
            addTeachers();
            return;
        }
        List<Appointment> reports = appointment.level() == RoleLevel.EXECUTIVE_HEAD
                ? roster.heads(appointment.school().cluster())
                : roster.reportingTo(appointment.post());
        for (long user : users(dice.sample(reports, MOST_DIRECT_REPORTS))) {
            add(user, RaterRole.DIRECT_REPORT);
        }
    }

    private void addTeachers() {
        School school = appointment.school();
        int teachers = TEACHERS_PER_POST * roster.at(school).size();
        int wanted = dice.between(0, MOST_TEACHER_REPORTS);
        for (int number = 0; number < wanted; number++) {
            add(Raters.teacher(school, dice.between(0, teachers - 1)), RaterRole.DIRECT_REPORT);
        }
    }

    private boolean add(long user, RaterRole role) {
        if (!taken.add(user)) {
            return false;
        }
        chosen.add(new Chosen(user, role));
        return true;
    }

    private static List<Long> users(List<Appointment> appointments) {
        return appointments.stream().map(found -> (long) found.person().index()).toList();
    }

    private static List<Appointment> concat(List<Appointment> first, List<Appointment> second) {
        List<Appointment> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
