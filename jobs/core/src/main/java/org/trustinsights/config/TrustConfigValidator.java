package org.trustinsights.config;

import static org.trustinsights.InsightsException.Category.CONFIGURATION;

import java.nio.file.Path;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.trustinsights.InsightsException;

/**
 * Checks the meaning of a trust configuration once it has parsed. Every message names the file,
 * the key, the bad value and the fix.
 */
final class TrustConfigValidator {

    static final Set<String> PHASES = Set.of(
            "primary", "secondary", "all_through", "special", "alternative_provision");
    static final Set<String> SYSTEMS = Set.of("mis", "diagnostics", "cpd", "mentoring");
    static final int MAX_PRIORITIES = 3;

    private static final Pattern URN = Pattern.compile("^[0-9]{6}$");
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Z_][A-Z0-9_]*$");

    private final Path file;

    TrustConfigValidator(Path file) {
        this.file = file;
    }

    void checkDocument(TrustConfigLoader.TrustDocument document) {
        require(document.trust() != null, "trust", null, "add trust: {name: …, code: …}");
        require(present(document.trust().name()), "trust.name", null, "give the trust's name");
        require(document.trust().code() != null && CODE.matcher(document.trust().code()).matches(),
                "trust.code", document.trust().code(), "use lower-case letters, digits and _");
        require(present(document.framework()), "framework", null,
                "name the framework file, such as framework.yaml");
        checkPrivacy(document.privacy());
        checkCalendar(document.calendar());
        checkRoles(document.roles());
        checkMentoring(document.mentoring());
        checkDiagnostics(document.diagnostics());
        checkCycles(document.cycles());
        checkReview(document.review());
        checkCpd(document.cpd());
        checkQuality(document.quality());
        checkExtract(document.extract());
        checkSchools(document.schools());
    }

    private void checkExtract(ExtractLimits extract) {
        if (extract == null) {
            return;
        }
        require(extract.maxRejectShare() >= 0 && extract.maxRejectShare() <= 1, "extract.max_reject_share",
                extract.maxRejectShare(), "give a share between 0 and 1, such as 0.05");
        require(extract.rejectAllowance() >= 0, "extract.reject_allowance", extract.rejectAllowance(),
                "give a count of 0 or more");
    }

    void checkFramework(Path frameworkFile, Framework framework) {
        TrustConfigValidator inFramework = new TrustConfigValidator(frameworkFile);
        inFramework.require(framework != null && !framework.domains().isEmpty(), "domains", null,
                "list the framework's domains with their behaviours and items");
        inFramework.require(framework.scale() != null && framework.scale().min() != null
                        && framework.scale().max() != null && framework.scale().min() < framework.scale().max(),
                "scale", framework.scale(), "write scale: {min: 1, max: 5}");
        Set<String> codes = new HashSet<>();
        Set<String> items = new HashSet<>();
        for (int d = 0; d < framework.domains().size(); d++) {
            Framework.Domain domain = framework.domains().get(d);
            for (int b = 0; b < domain.behaviours().size(); b++) {
                Framework.Behaviour behaviour = domain.behaviours().get(b);
                String key = "domains[" + d + "].behaviours[" + b + "]";
                inFramework.require(present(behaviour.code()) && codes.add(behaviour.code()),
                        key + ".code", behaviour.code(), "give each behaviour a code of its own");
                inFramework.require(!behaviour.items().isEmpty(), key + ".items", null,
                        "behaviour " + behaviour.code() + " needs at least one item");
                for (Framework.Item item : behaviour.items()) {
                    inFramework.require(present(item.id()) && items.add(item.id()), key + ".items",
                            item.id(), "give each item an id of its own");
                }
            }
        }
    }

    Map<AcademicYear, List<String>> checkPriorities(Map<String, List<String>> priorities,
            Framework framework) {
        Map<AcademicYear, List<String>> checked = new TreeMap<>();
        if (priorities == null) {
            return checked;
        }
        Set<String> behaviours = framework.behaviours().map(Framework.Behaviour::code)
                .collect(Collectors.toSet());
        for (Map.Entry<String, List<String>> entry : priorities.entrySet()) {
            String key = "priorities." + entry.getKey();
            AcademicYear year = academicYear(key, entry.getKey());
            List<String> codes = entry.getValue() == null ? List.of() : entry.getValue();
            require(codes.size() <= MAX_PRIORITIES, key, codes,
                    "choose at most " + MAX_PRIORITIES + " priority behaviours a year");
            for (String code : codes) {
                require(behaviours.contains(code), key, code,
                        "use a behaviour code from the framework, such as " + behaviours.stream().sorted()
                                .findFirst().orElse("S1"));
            }
            checked.put(year, List.copyOf(codes));
        }
        return checked;
    }

    /** Checks the succession settings against the framework and the role levels, and returns them. */
    Succession checkSuccession(Succession succession, Framework framework, Roles roles) {
        Set<String> behaviours = framework.behaviours().map(Framework.Behaviour::code).collect(Collectors.toSet());
        Set<String> above = new HashSet<>(roles.levels().subList(1, roles.levels().size()));
        succession.requiredBehaviours().forEach((level, codes) -> {
            require(above.contains(level), "succession.required_behaviours." + level, level,
                    "name a role level someone can step up to: one of " + above.stream().sorted().toList());
            for (String code : codes == null ? List.<String>of() : codes) {
                require(behaviours.contains(code), "succession.required_behaviours." + level, code,
                        "use a behaviour code from the framework");
            }
        });
        succession.relevantNpq().forEach((level, codes) -> require(roles.levels().contains(level),
                "succession.relevant_npq." + level, level, "name a role level: one of " + roles.levels()));
        require(succession.growthTarget() > 0, "succession.growth_target", succession.growthTarget(),
                "use a scale distance above 0 (default 0.5)");
        require(succession.cyclesTarget() >= 1, "succession.cycles_target", succession.cyclesTarget(),
                "use 1 cycle or more (default 2)");
        require(succession.lookbackMonths() >= 1, "succession.lookback_months", succession.lookbackMonths(),
                "use 1 month or more (default 24)");
        require(succession.monthsInRoleTarget() >= 1, "succession.months_in_role_target",
                succession.monthsInRoleTarget(), "use 1 month or more (default 24)");
        Succession.Weights weights = succession.weights();
        for (Map.Entry<String, Double> weight : Map.of("behaviours", weights.behaviours(), "growth", weights.growth(),
                "cycles", weights.cycles(), "time_in_role", weights.timeInRole(), "qualification",
                weights.qualification()).entrySet()) {
            require(weight.getValue() >= 0, "succession.weights." + weight.getKey(), weight.getValue(),
                    "use a weight of 0 or more");
        }
        require(weights.behaviours() + weights.growth() + weights.cycles() + weights.timeInRole() > 0,
                "succession.weights", weights, "give a weight above 0 to a part that is always known");
        Succession.Bands bands = succession.bands();
        require(isShare(bands.readyNow()) && isShare(bands.ready12Years()) && bands.ready12Years() <= bands.readyNow(),
                "succession.bands", bands, "use scores between 0 and 1 with ready_1_2_years at most ready_now"
                        + " (defaults 0.5 and 0.75)");
        Set<String> names = new HashSet<>();
        for (Succession.CriticalRole role : succession.criticalRoles(roles)) {
            require(present(role.name()) && !role.name().equals("all") && names.add(role.name()),
                    "succession.critical_roles", role.name(), "give each critical role its own name, not \"all\"");
            require(above.contains(role.roleLevel()), "succession.critical_roles." + role.name() + ".role_level",
                    role.roleLevel(), "use a role level above the lowest: one of " + above.stream().sorted().toList());
        }
        return succession;
    }

    private void checkDiagnostics(Diagnostics diagnostics) {
        if (diagnostics == null) {
            return;
        }
        require(diagnostics.agreementMargin() >= 0, "diagnostics.agreement_margin",
                diagnostics.agreementMargin(), "use a scale distance of 0 or more (default 0.5)");
        require(diagnostics.benchmarkMargin() >= 0, "diagnostics.benchmark_margin",
                diagnostics.benchmarkMargin(), "use a scale distance of 0 or more (default 0.25)");
        require(isShare(diagnostics.blindSpotShare()), "diagnostics.blind_spot_share",
                diagnostics.blindSpotShare(), "use a share between 0 and 1 (default 0.4)");
        require(isShare(diagnostics.hiddenStrengthShare()), "diagnostics.hidden_strength_share",
                diagnostics.hiddenStrengthShare(), "use a share between 0 and 1 (default 0.4)");
        require(diagnostics.reliableChangeThreshold() > 0, "diagnostics.reliable_change_threshold",
                diagnostics.reliableChangeThreshold(), "use a positive index (default 1.96)");
    }

    private void checkCycles(Cycles cycles) {
        if (cycles == null) {
            return;
        }
        require(cycles.lengthDays() >= 1, "cycles.length_days", cycles.lengthDays(),
                "use a length of 1 day or more (default 90)");
        require(cycles.graceDays() >= 0, "cycles.grace_days", cycles.graceDays(),
                "use 0 days or more (default 14)");
    }

    private void checkReview(Review review) {
        if (review == null) {
            return;
        }
        require(review.movementMargin() >= 0, "review.movement_margin", review.movementMargin(),
                "use a scale distance of 0 or more (default 0.1)");
        require(review.candidateCount() >= 1, "review.candidate_count", review.candidateCount(),
                "put forward at least 1 candidate (default 3)");
    }

    private void checkMentoring(Mentoring mentoring) {
        if (mentoring == null) {
            return;
        }
        require(mentoring.capacity() >= 1, "mentoring.capacity", mentoring.capacity(),
                "a mentor takes at least one mentee (default 2)");
        require(mentoring.menteeCapacity() >= 1, "mentoring.mentee_capacity", mentoring.menteeCapacity(),
                "a mentee has at least one mentor (default 1)");
        Mentoring.Weights weights = mentoring.weights();
        require(weights.strength() >= 0, "mentoring.weights.strength", weights.strength(),
                "use a weight of 0 or more (default 0.5)");
        require(weights.need() >= 0, "mentoring.weights.need", weights.need(),
                "use a weight of 0 or more (default 0.3)");
        require(weights.phaseFit() >= 0, "mentoring.weights.phase_fit", weights.phaseFit(),
                "use a weight of 0 or more (default 0.2)");
        require(weights.strength() + weights.need() + weights.phaseFit() > 0, "mentoring.weights",
                weights, "give at least one weight above 0");
        require(isShare(mentoring.unscoredNeed()), "mentoring.unscored_need", mentoring.unscoredNeed(),
                "use a share between 0 and 1 (default 0.5)");
    }

    private void checkCpd(Cpd cpd) {
        if (cpd == null) {
            return;
        }
        require(cpd.needMargin() >= 0, "cpd.need_margin", cpd.needMargin(),
                "use a scale distance of 0 or more (default 0.5)");
        require(cpd.targetShare() > 0 && cpd.targetShare() <= 1, "cpd.target_share", cpd.targetShare(),
                "use a share above 0 and at most 1 (default 0.3)");
        require(cpd.clusterMinSchools() >= 2, "cpd.cluster_min_schools", cpd.clusterMinSchools(),
                "a cluster serves 2 schools or more (default 2)");
    }

    private void checkQuality(Quality quality) {
        if (quality == null) {
            return;
        }
        require(isShare(quality.maxRowDrop()), "quality.max_row_drop", quality.maxRowDrop(),
                "use a share between 0 and 1 (default 0.5)");
        require(isShare(quality.maxCompletenessDrop()), "quality.max_completeness_drop",
                quality.maxCompletenessDrop(), "use a share between 0 and 1 (default 0.1)");
        require(quality.maxMeanChange() > 0, "quality.max_mean_change", quality.maxMeanChange(),
                "use a scale distance above 0 (default 0.5)");
        require(quality.sampleRows() >= 1 && quality.sampleRows() <= 20, "quality.sample_rows",
                quality.sampleRows(), "name between 1 and 20 offending rows (default 3)");
    }

    private static boolean isShare(double value) {
        return value >= 0 && value <= 1;
    }

    private void checkPrivacy(Privacy privacy) {
        if (privacy == null) {
            return;
        }
        require(privacy.minGroupSize() >= 2, "privacy.min_group_size", privacy.minGroupSize(),
                "use 2 or more (default " + Privacy.DEFAULT_MIN_GROUP_SIZE + ")");
        require(privacy.minRaters() >= 2, "privacy.min_raters", privacy.minRaters(),
                "use 2 or more so no single rater can be read off (default " + Privacy.DEFAULT_MIN_RATERS + ")");
    }

    private void checkCalendar(Calendar calendar) {
        if (calendar == null) {
            return;
        }
        try {
            MonthDay.parse("--" + calendar.censusDate());
        } catch (RuntimeException e) {
            fail("calendar.census_date", calendar.censusDate(),
                    "write the month and day as \"MM-DD\", such as \"11-01\"");
        }
        if (calendar.firstAcademicYear() != null) {
            academicYear("calendar.first_academic_year", calendar.firstAcademicYear());
        }
    }

    private void checkRoles(Roles roles) {
        if (roles == null) {
            return;
        }
        require(new HashSet<>(roles.levels()).size() == roles.levels().size() && !roles.levels().isEmpty(),
                "roles.levels", roles.levels(), "list each role level once, lowest first");
        for (String critical : roles.critical()) {
            require(roles.levels().contains(critical), "roles.critical", critical,
                    "use one of roles.levels: " + roles.levels());
        }
    }

    private void checkSchools(List<School> schools) {
        require(schools != null && !schools.isEmpty(), "schools", null, "list the trust's schools");
        Set<Integer> urns = new HashSet<>();
        for (int index = 0; index < schools.size(); index++) {
            School school = schools.get(index);
            String key = "schools[" + index + "]";
            require(school.urn() != null && URN.matcher(String.valueOf(school.urn())).matches(),
                    key + ".urn", school.urn(), "use the school's six-digit unique reference number");
            require(urns.add(school.urn()), key + ".urn", school.urn(), "each school appears once");
            require(present(school.name()), key + ".name", null, "give the school's name");
            require(PHASES.contains(school.phase()), key + ".phase", school.phase(),
                    "use one of " + sorted(PHASES));
            require(school.joinedOn() != null, key + ".joined_on", null,
                    "give the date the school joined the trust, as yyyy-MM-dd");
            school.sources().forEach((system, source) -> checkSource(key + ".sources." + system, system, source));
        }
    }

    private void checkSource(String key, String system, SourceConfig source) {
        require(SYSTEMS.contains(system), key, system, "name a system: one of " + sorted(SYSTEMS));
        require(source != null, key, null, "describe the source with kind and its settings");
        switch (source.kind() == null ? "" : source.kind()) {
            case "files" -> {
                require(present(source.location()), key + ".location", null, "name the drop folder");
                require("csv".equals(source.format()) || "jsonl".equals(source.format()),
                        key + ".format", source.format(), "use csv or jsonl");
                require(source.settleSeconds() >= 0, key + ".settle_seconds", source.settleSeconds(),
                        "give the seconds a file must stay unchanged before it is taken, 0 or more");
            }
            case "jdbc" -> {
                require(source.url() != null && source.url().startsWith("jdbc:"),
                        key + ".url", source.url(), "give a JDBC URL, such as jdbc:postgresql://host/mis");
                source.queries().forEach((entity, query) -> require(query.chars().filter(c -> c == '?').count() == 1,
                        key + ".queries." + entity, query,
                        "write one ? where the watermark goes: ... WHERE updated_at > ? ORDER BY updated_at"));
            }
            case "api" -> {
                require(source.url() != null && source.url().matches("^https?://.+"), key + ".url",
                        source.url(), "give the API's base URL, such as https://diagnostics.example/v1");
                require(source.tokenEnv() != null, key + ".token_env", null,
                        "name the environment variable that holds the bearer token");
            }
            default -> fail(key + ".kind", source.kind(), "use files, jdbc or api");
        }
        for (String variable : new String[] {source.userEnv(), source.passwordEnv(), source.tokenEnv()}) {
            require(variable == null || ENV_NAME.matcher(variable).matches(), key, variable,
                    "name an environment variable in capitals, such as MIS_PASSWORD");
        }
    }

    private AcademicYear academicYear(String key, String text) {
        try {
            return AcademicYear.parse(text);
        } catch (IllegalArgumentException e) {
            throw failure(key, text, "write the academic year as \"2024/25\"");
        }
    }

    private void require(boolean condition, String key, Object value, String fix) {
        if (!condition) {
            fail(key, value, fix);
        }
    }

    private void fail(String key, Object value, String fix) {
        throw failure(key, value, fix);
    }

    private InsightsException failure(String key, Object value, String fix) {
        String shown = value == null ? "missing" : "'" + value + "' is not valid";
        return new InsightsException(CONFIGURATION, file + ": " + key + ": " + shown + "; fix: " + fix);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
