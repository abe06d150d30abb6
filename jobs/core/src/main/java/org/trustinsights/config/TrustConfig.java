package org.trustinsights.config;

import static org.trustinsights.InsightsException.Category.CONFIGURATION;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.trustinsights.InsightsException;

/**
 * One trust's configuration, read from a YAML file and validated: its schools and their source
 * systems, the framework, priorities per academic year, privacy thresholds, roles,
 * mentoring, how scores and cycles are judged, how CPD needs are found, how succession
 * readiness is judged, what the quality gate tolerates, and where the lake lives. Relative paths in
 * the file are resolved against the file's folder.
 */
public record TrustConfig(
        Path file,
        TrustIdentity trust,
        Framework framework,
        Privacy privacy,
        Calendar calendar,
        Roles roles,
        Mentoring mentoring,
        Diagnostics diagnostics,
        Cycles cycles,
        Review review,
        Cpd cpd,
        Succession succession,
        Quality quality,
        ExtractLimits extract,
        Map<AcademicYear, List<String>> priorities,
        List<School> schools,
        String lakeRoot) {

    /** Reads, validates and resolves a trust configuration file. */
    public static TrustConfig load(Path file) {
        return TrustConfigLoader.load(file, InsightsHome.folder());
    }

    public School school(int urn) {
        return schools.stream()
                .filter(school -> school.urn() == urn)
                .findFirst()
                .orElseThrow(() -> new InsightsException(CONFIGURATION,
                        "School " + urn + " is not in " + file + "; fix: add it under schools"));
    }

    public List<String> priorities(AcademicYear year) {
        return priorities.getOrDefault(year, List.of());
    }

    /** The academic years from the trust's first, or else the as-of date's, to the as-of date's. */
    public List<AcademicYear> academicYears(LocalDate asOf) {
        AcademicYear last = AcademicYear.of(asOf);
        AcademicYear first = calendar.firstAcademicYear() == null ? last
                : AcademicYear.parse(calendar.firstAcademicYear());
        List<AcademicYear> years = new ArrayList<>();
        for (AcademicYear year = first; year.compareTo(last) <= 0; year = year.next()) {
            years.add(year);
        }
        return years;
    }
}
