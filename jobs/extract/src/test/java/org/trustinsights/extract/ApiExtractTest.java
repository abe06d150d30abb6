package org.trustinsights.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnostics API, served for real on loopback from the committed sample's drops: paging,
 * a rate limit and a server error mid-sequence, a refused token, and increments by watermark.
 */
class ApiExtractTest {

    static final Path SAMPLE_SOURCES = SeededDefectsTest.SAMPLE.resolve("sources");
    static final int SCHOOL = 140203;
    static final int OTHER_SCHOOL = 140231;
    static final String TOKEN = "test-token-140203";

    @TempDir
    Path work;

    DiagnosticsApiServer server;
    Path config;

    @BeforeEach
    void serveTheDiagnosticsPlatform() throws IOException {
        server = new DiagnosticsApiServer(SAMPLE_SOURCES, TOKEN);
        Path framework = work.resolve("framework.yaml");
        Files.copy(SeededDefectsTest.SAMPLE.resolve("framework.yaml"), framework);
        config = work.resolve("trust.yaml");
        Files.writeString(config, """
                trust: {name: API Test Trust, code: api_test}
                framework: framework.yaml
                schools:
                  - urn: %d
                    name: Served School
                    phase: primary
                    region: North
                    joined_on: 2019-09-01
                    sources:
                      diagnostics: {kind: api, url: "%s", token_env: DIAGNOSTICS_TOKEN}
                  - urn: %d
                    name: Dropping School
                    phase: primary
                    region: North
                    joined_on: 2019-09-01
                    sources:
                      mis: {kind: files, format: csv, location: %s}
                storage:
                  root: lake
                """.formatted(SCHOOL, server.url(), OTHER_SCHOOL, SAMPLE_SOURCES.resolve(OTHER_SCHOOL + "/mis")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void landsEveryPageThroughARateLimitAndAServerError() throws Exception {
        server.failNext(429, "1");
        server.failRequest(5, 500);

        ExtractProcess.Result result = extract(TOKEN, "--insights.entity=responses");

        long served = server.records(SCHOOL, "responses").size();
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(landedAndRejected("diagnostics_responses")).isEqualTo(served);
        assertThat(server.requests()).hasSizeGreaterThan((int) (served / 1_000) + 2);
        assertThat(result.output()).contains("HTTP 429 from /v1/schools/140203/responses; trying again in 1000 ms")
                .contains("HTTP 500 from /v1/schools/140203/responses; trying again in 500 ms");
    }

    @Test
    void aRefusedTokenFailsThatSchoolAndNamesTheVariable() throws Exception {
        ExtractProcess.Result result = extract("wrong-token", "--insights.entity=sittings");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("Cannot read sittings API of school 140203: the server refused the "
                + "token (401); fix: set DIAGNOSTICS_TOKEN to a valid token for this school");
        assertThat(result.output()).doesNotContain("wrong-token");
    }

    @Test
    void anUnreachableSchoolDoesNotStopTheOthers() throws Exception {
        server.close();

        ExtractProcess.Result result = extract(TOKEN, "--insights.api-max-attempts=2",
                "--insights.api-first-wait=10ms");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).containsPattern("140203 +items +FAILED")
                .containsPattern("140231 +staff +LANDED");
    }

    @Test
    void aSecondRunAsksOnlyForWhatChangedSinceTheWatermark() throws Exception {
        extract(TOKEN, "--insights.entity=sittings");
        String newest = server.records(SCHOOL, "sittings").stream()
                .map(record -> record.path("updated_at").asText())
                .max(String::compareTo)
                .orElseThrow();
        ObjectNode changed = (ObjectNode) server.records(SCHOOL, "sittings").get(0).deepCopy();
        changed.put("status", "completed").put("updated_at", "2027-01-05T10:00:00Z");
        server.add(SCHOOL, "sittings", changed);

        ExtractProcess.Result second = extract(TOKEN, "--insights.entity=sittings", "--insights.load-date=2027-01-06");

        assertThat(second.output()).containsPattern("140203 +sittings +LANDED +1 +1 +0");
        assertThat(server.requests().get(server.requests().size() - 1))
                .contains("updated_since=" + newest.replace(":", "%3A"));
    }

    private ExtractProcess.Result extract(String token, String... options) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(List.of("--insights.config=" + config));
        arguments.addAll(List.of(options));
        return ExtractProcess.run(work, Map.of("DIAGNOSTICS_TOKEN", token), arguments.toArray(String[]::new));
    }

    private long landedAndRejected(String table) {
        return StaffExtractJobTest.rows(work.resolve("lake/bronze/" + table)).size()
                + StaffExtractJobTest.rows(work.resolve("lake/bronze/rejects")).size();
    }
}
