package org.trustinsights.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trustinsights.InsightsException;

class TrustConfigTest {

    @TempDir
    Path folder;

    @Test
    void loadsSchoolsSourcesFrameworkAndDefaults() throws IOException {
        TrustConfig config = TrustConfig.load(copyFixture());

        assertThat(config.trust().code()).isEqualTo("test_trust");
        assertThat(config.schools()).extracting(School::urn).containsExactly(100001, 100002);
        assertThat(config.school(100002).joinedOn()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(config.framework().behaviours().map(Framework.Behaviour::code)).containsExactly("S1", "S2", "C1");
        assertThat(config.priorities(AcademicYear.parse("2023/24"))).containsExactly("S1", "C1");
        assertThat(config.priorities(AcademicYear.parse("2024/25"))).isEmpty();
        assertThat(config.mentoring().capacity()).isEqualTo(Mentoring.DEFAULT_CAPACITY);
        assertThat(config.roles().critical()).containsExactly("headteacher", "deputy_head");
        assertThat(config.diagnostics().agreementMargin()).isEqualTo(Diagnostics.DEFAULT_AGREEMENT_MARGIN);
        assertThat(config.cycles().windowDays()).isEqualTo(104);
        assertThat(config.review().candidateCount()).isEqualTo(Review.DEFAULT_CANDIDATE_COUNT);
        assertThat(config.quality().maxRowDrop()).isEqualTo(Quality.DEFAULT_MAX_ROW_DROP);
        assertThat(config.cpd().needMargin()).isEqualTo(Cpd.DEFAULT_NEED_MARGIN);
        assertThat(config.mentoring().weights().phaseFit()).isEqualTo(Mentoring.Weights.DEFAULT_PHASE_FIT);
        assertThat(config.mentoring().requirePhaseFit()).isFalse();
        assertThat(config.succession().criticalRoles(config.roles())).extracting(Succession.CriticalRole::roleLevel)
                .containsExactly("headteacher", "deputy_head");
        assertThat(config.succession().bands().ready12Years()).isEqualTo(0.5);
    }

    @Test
    void resolvesSourcePathsAgainstTheConfigurationFolder() throws IOException {
        TrustConfig config = TrustConfig.load(copyFixture());

        assertThat(config.school(100001).sources().get("mis").location())
                .isEqualTo(folder.resolve("sources/100001/mis").toAbsolutePath().toString());
        assertThat(config.school(100002).sources().get("mis").url())
                .isEqualTo("jdbc:h2:file:" + folder.toAbsolutePath() + "/sources/100002/mis");
    }

    @Test
    void censusDayFallsInTheRightCalendarYear() {
        Calendar calendar = new Calendar("11-01", null);

        assertThat(calendar.censusDay(AcademicYear.parse("2024/25"))).isEqualTo(LocalDate.of(2024, 11, 1));
        assertThat(new Calendar("01-15", null).censusDay(AcademicYear.parse("2024/25")))
                .isEqualTo(LocalDate.of(2025, 1, 15));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            URN not six digits      | urn: 100001            | urn: 1234                 | schools[0].urn: '1234' is not valid; fix: use the school's six-digit
            URN that is not a number| urn: 100001            | urn: abc                  | schools[0].urn: 'abc' is not a whole number
            duplicate URN           | urn: 100002            | urn: 100001               | schools[1].urn: '100001' is not valid; fix: each school appears once
            unknown phase           | phase: secondary       | phase: sixth_form         | schools[1].phase: 'sixth_form' is not valid; fix: use one of [all_through, alternative_provision
            malformed date          | joined_on: 2015-09-01  | joined_on: 2015-13-01     | schools[0].joined_on: '2015-13-01' is not a date
            misspelt key            | region: North          | regoin: North             | schools[0].regoin: unknown key 'regoin'
            inline password         | password_env: MIS_PASSWORD | password: hunter2     | secrets are never written in the configuration; fix: put it in an environment variable and name the variable with password_env
            unknown source kind     | kind: api              | kind: soap                | schools[1].sources.diagnostics.kind: 'soap' is not valid; fix: use files, jdbc or api
            unknown system          | diagnostics: {kind     | payroll: {kind            | schools[1].sources.payroll: 'payroll' is not valid
            API without token       | ', token_env: DIAGNOSTICS_TOKEN' | ''              | schools[1].sources.diagnostics.token_env: missing
            unknown priority        | '[S1, C1]'             | '[S1, X9]'                | priorities.2023/24: 'X9' is not valid; fix: use a behaviour code from the framework
            too many priorities     | '[S1, C1]'             | '[S1, C1, S2, S1]'        | choose at most 3 priority behaviours a year
            bad academic year       | '"2023/24":'           | '"2023-24":'              | priorities.2023-24: '2023-24' is not valid; fix: write the academic year as "2024/25"
            group size too small    | 'min_group_size: 5'    | 'min_group_size: 1'       | privacy.min_group_size: '1' is not valid; fix: use 2 or more
            bad census date         | '"11-01"'              | '"1st November"'          | calendar.census_date: '1st November' is not valid
            blind-spot share over 1 | 'min_raters: 3'        | 'min_raters: 3\\ndiagnostics: {blind_spot_share: 1.4}' | diagnostics.blind_spot_share: '1.4' is not valid; fix: use a share between 0 and 1
            negative grace          | 'min_raters: 3'        | 'min_raters: 3\\ncycles: {grace_days: -1}' | cycles.grace_days: '-1' is not valid; fix: use 0 days or more
            no candidates           | 'min_raters: 3'        | 'min_raters: 3\\nreview: {candidate_count: 0}' | review.candidate_count: '0' is not valid; fix: put forward at least 1
            one-school cluster      | 'min_raters: 3'        | 'min_raters: 3\\ncpd: {cluster_min_schools: 1}' | cpd.cluster_min_schools: '1' is not valid; fix: a cluster serves 2 schools or more
            negative need weight    | 'min_raters: 3'        | 'min_raters: 3\\nmentoring: {weights: {need: -0.3}}' | mentoring.weights.need: '-0.3' is not valid; fix: use a weight of 0 or more
            unknown next-level code | 'min_raters: 3'        | 'min_raters: 3\\nsuccession: {required_behaviours: {headteacher: [X9]}}' | succession.required_behaviours.headteacher: 'X9' is not valid; fix: use a behaviour code from the framework
            bands out of order      | 'min_raters: 3'        | 'min_raters: 3\\nsuccession: {bands: {ready_now: 0.4, ready_1_2_years: 0.6}}' | succession.bands:
            row drop over 1         | 'min_raters: 3'        | 'min_raters: 3\\nquality: {max_row_drop: 1.5}' | quality.max_row_drop: '1.5' is not valid; fix: use a share between 0 and 1
            missing framework file  | framework: framework.yaml | framework: missing.yaml | missing.yaml: no such file
            no schools              | 'schools:'             | 'schools: []'             | ''
            """)
    void rejectsEachKindOfMistakeWithTheKeyAndTheFix(String mistake, String good, String bad, String message)
            throws IOException {
        Path file = copyFixture();
        String text = Files.readString(file);
        assertThat(text).as("fixture text for %s", mistake).contains(good);
        String broken = mistake.equals("no schools")
                ? text.substring(0, text.indexOf("schools:")) + "schools: []\n"
                : text.replaceFirst(java.util.regex.Pattern.quote(good),
                        java.util.regex.Matcher.quoteReplacement(bad.replace("\\n", "\n")));
        Files.writeString(file, broken);

        assertThatThrownBy(() -> TrustConfig.load(file))
                .isInstanceOf(InsightsException.class)
                .hasMessageStartingWith(mistake.equals("missing framework file") ? "Cannot read" : file.toString())
                .hasMessageContaining(mistake.equals("no schools") ? "schools: missing; fix: list the trust's schools" : message)
                .extracting(e -> ((InsightsException) e).category())
                .isEqualTo(InsightsException.Category.CONFIGURATION);
    }

    @Test
    void rejectsAFrameworkWithADuplicateBehaviourCode() throws IOException {
        Path file = copyFixture();
        Path framework = folder.resolve("framework.yaml");
        Files.writeString(framework, Files.readString(framework).replace("code: S2", "code: S1"));

        assertThatThrownBy(() -> TrustConfig.load(file))
                .hasMessageStartingWith(framework.toString())
                .hasMessageContaining("domains[0].behaviours[1].code: 'S1' is not valid; fix: give each behaviour a code of its own");
    }

    @Test
    void readsAcademicYearsStrictly() {
        assertThat(AcademicYear.parse("2024/25").firstDay()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(AcademicYear.of(LocalDate.of(2025, 8, 31))).hasToString("2024/25");
        assertThat(AcademicYear.of(LocalDate.of(2025, 9, 1))).hasToString("2025/26");
        assertThat(List.of("2024/26", "24/25", "2024-25")).allSatisfy(text ->
                assertThatThrownBy(() -> AcademicYear.parse(text)).hasMessageContaining("'" + text + "'"));
    }

    private Path copyFixture() throws IOException {
        for (String name : List.of("trust.yaml", "framework.yaml")) {
            try {
                Files.copy(Path.of(getClass().getResource("/trust/" + name).toURI()), folder.resolve(name));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return folder.resolve("trust.yaml");
    }
}
