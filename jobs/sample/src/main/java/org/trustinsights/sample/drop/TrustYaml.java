package org.trustinsights.sample.drop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.trustinsights.config.AcademicYear;
import org.trustinsights.sample.world.RoleLevel;
import org.trustinsights.sample.world.SampleTrust;
import org.trustinsights.sample.world.School;
import org.trustinsights.sample.world.StaffStore;
import org.trustinsights.sample.world.TrustSettings;

/**
 * The trust configuration of the sample, {@code trust.yaml}, in the shape the configuration
 * loader of {@code jobs/core} reads. Written as text so that the file reads like one a person
 * wrote: flow style for short lists and for each source.
 */
final class TrustYaml {

    static final int MIN_GROUP_SIZE = 5;
    static final int MIN_RATERS = 3;
    static final String CENSUS_DATE = "11-01";

    private TrustYaml() {}

    static String of(SampleTrust trust) {
        StringBuilder yaml = new StringBuilder();
        TrustSettings settings = trust.settings();
        yaml.append("# Sample trust written by `bin/insights sample` (seed ")
                .append(settings.seed())
                .append(", ").append(settings.schoolCount()).append(" schools, ")
                .append(settings.leaderCount()).append(" leaders, ").append(settings.yearCount())
                .append(" years)\n");
        yaml.append("trust:\n")
                .append("  name: ").append(trust.name()).append('\n')
                .append("  code: ").append(trust.code()).append('\n');
        yaml.append("framework: framework.yaml\n");
        yaml.append("privacy:\n")
                .append("  min_group_size: ").append(MIN_GROUP_SIZE).append('\n')
                .append("  min_raters: ").append(MIN_RATERS).append('\n');
        yaml.append("calendar:\n")
                .append("  census_date: \"").append(CENSUS_DATE).append("\"\n")
                .append("  first_academic_year: \"").append(settings.firstYear()).append("\"\n");
        yaml.append("roles:\n")
                .append("  levels: ")
                .append(flow(Arrays.stream(RoleLevel.values()).map(RoleLevel::code).toList()))
                .append("\n  critical: ")
                .append(flow(List.of(RoleLevel.HEADTEACHER.code(), RoleLevel.DEPUTY_HEAD.code())))
                .append('\n');
        yaml.append("mentoring:\n  capacity: ").append(TrustSettings.MENTORING_CAPACITY).append('\n');
        appendPriorities(yaml, trust);
        yaml.append("schools:\n");
        trust.schools().forEach(school -> appendSchool(yaml, school));
        return yaml.toString();
    }

    private static void appendPriorities(StringBuilder yaml, SampleTrust trust) {
        yaml.append("priorities:\n");
        for (AcademicYear year : trust.years()) {
            yaml.append("  \"").append(year).append("\": ")
                    .append(flow(trust.priorities(year)))
                    .append('\n');
        }
    }

    private static void appendSchool(StringBuilder yaml, School school) {
        yaml.append("  - urn: ").append(school.urn()).append('\n')
                .append("    name: ").append(school.name()).append('\n')
                .append("    phase: ").append(school.phase().code()).append('\n')
                .append("    region: ").append(school.region()).append('\n')
                .append("    joined_on: ").append(school.joinedOn()).append('\n')
                .append("    sources:\n");
        sources(school).forEach((system, source) ->
                yaml.append("      ").append(system).append(": ").append(source).append('\n'));
    }

    private static Map<String, String> sources(School school) {
        String folder = "sources/" + school.urn();
        String mis = school.staffStore() == StaffStore.DATABASE
                ? "{kind: jdbc, url: \"jdbc:h2:file:{config_dir}/" + folder
                        + "/mis/mis;ACCESS_MODE_DATA=r\", user: " + StaffTable.USER + "}"
                : files("csv", folder + "/mis");
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("mis", mis);
        sources.put("diagnostics", files("jsonl", folder + "/diagnostics"));
        sources.put("cpd", files("csv", folder + "/cpd"));
        sources.put("mentoring", files("csv", folder + "/mentoring"));
        return sources;
    }

    private static String files(String format, String location) {
        return "{kind: files, format: " + format + ", location: " + location + "}";
    }

    private static String flow(List<String> values) {
        return values.stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
