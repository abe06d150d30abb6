package org.trustinsights.sample.world;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.trustinsights.config.AcademicYear;

/** The posts and who holds them on the first day of an academic year, for finding raters. */
final class Roster {

    private final AcademicYear year;
    private final List<Appointment> appointments;
    private final Map<Post, Appointment> byPost = new HashMap<>();
    private final Map<School, Map<RoleLevel, List<Appointment>>> bySchool = new HashMap<>();
    private final Map<Post, List<Appointment>> reports = new HashMap<>();
    private final Map<Integer, List<Appointment>> headsByCluster = new HashMap<>();
    private final Map<Integer, Appointment> executiveByCluster = new HashMap<>();
    private final List<Appointment> heads = new ArrayList<>();
    private final List<Appointment> executives = new ArrayList<>();

    Roster(AcademicYear year, List<Appointment> appointments) {
        this.year = year;
        this.appointments = List.copyOf(appointments);
        appointments.forEach(this::index);
    }

    private void index(Appointment appointment) {
        byPost.put(appointment.post(), appointment);
        bySchool.computeIfAbsent(appointment.school(), school -> new EnumMap<>(RoleLevel.class))
                .computeIfAbsent(appointment.level(), level -> new ArrayList<>())
                .add(appointment);
        if (appointment.post().manager() != null) {
            reports.computeIfAbsent(appointment.post().manager(), post -> new ArrayList<>())
                    .add(appointment);
        }
        int cluster = appointment.school().cluster();
        if (appointment.level() == RoleLevel.HEADTEACHER) {
            headsByCluster.computeIfAbsent(cluster, key -> new ArrayList<>()).add(appointment);
            heads.add(appointment);
        }
        if (appointment.level() == RoleLevel.EXECUTIVE_HEAD) {
            executiveByCluster.put(cluster, appointment);
            executives.add(appointment);
        }
    }

    AcademicYear year() {
        return year;
    }

    List<Appointment> appointments() {
        return appointments;
    }

    Appointment at(Post post) {
        return byPost.get(post);
    }

    List<Appointment> at(School school, RoleLevel level) {
        return bySchool.getOrDefault(school, Map.of()).getOrDefault(level, List.of());
    }

    List<Appointment> at(School school) {
        List<Appointment> atSchool = new ArrayList<>();
        bySchool.getOrDefault(school, Map.of()).values().forEach(atSchool::addAll);
        return atSchool;
    }

    /** Those whose MIS line manager holds the post. */
    List<Appointment> reportingTo(Post post) {
        return reports.getOrDefault(post, List.of());
    }

    List<Appointment> heads(int cluster) {
        return headsByCluster.getOrDefault(cluster, List.of());
    }

    List<Appointment> heads() {
        return heads;
    }

    /** The executive head of the cluster; null when the cluster has none this year. */
    Appointment executiveHead(int cluster) {
        return executiveByCluster.get(cluster);
    }

    List<Appointment> executiveHeads() {
        return executives;
    }
}
