package org.trustinsights.extract.source;

import static org.trustinsights.InsightsException.Category.SOURCE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.retry.support.RetryTemplate;
import org.trustinsights.InsightsException;
import org.trustinsights.extract.landing.LandingRecord;
import org.trustinsights.extract.landing.RecordTyper;

/**
 * Reads one entity of one school from the diagnostics platform's HTTP JSON API, page by page:
 * {@code GET <url>/schools/<urn>/<entity>?updated_since=<instant>&limit=<n>[&cursor=<c>]} with a
 * bearer token, answered by {@code {"items": [...], "next_cursor": "..." or null}}. Rate limits
 * and server errors are retried with backoff (see {@link ApiRetry}); a refused token stops the
 * load with the variable to set. A restarted load reads again from the first page and skips
 * what it had committed.
 */
public final class ApiReader extends AbstractItemCountingItemStreamItemReader<LandingRecord> {

    public static final int PAGE_SIZE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(ApiReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI endpoint;
    private final String token;
    private final String tokenVariable;
    private final Instant watermark;
    private final RecordTyper typer;
    private final RetryTemplate retry;
    private final String description;
    private final Deque<JsonNode> page = new ArrayDeque<>();
    private String nextCursor;
    private boolean lastPage;
    private long position;

    public ApiReader(String name, ApiSource source, Instant watermark, RecordTyper typer, RetryTemplate retry) {
        setName(name);
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.endpoint = URI.create(source.baseUrl().replaceAll("/+$", "") + "/schools/" + source.schoolUrn() + "/"
                + source.entity());
        this.token = source.token();
        this.tokenVariable = source.tokenVariable();
        this.watermark = watermark;
        this.typer = typer;
        this.retry = retry;
        this.description = source.entity() + " API of school " + source.schoolUrn();
    }

    @Override
    protected void doOpen() {
        page.clear();
        nextCursor = null;
        lastPage = false;
        position = 0;
    }

    @Override
    protected LandingRecord doRead() throws IOException {
        if (page.isEmpty() && !lastPage) {
            fetchPage();
        }
        JsonNode item = page.poll();
        if (item == null) {
            return null;
        }
        position++;
        String[] values = new String[typer.columns().size()];
        for (int index = 0; index < values.length; index++) {
            JsonNode value = item.get(typer.columns().get(index).name());
            values[index] = value == null || value.isNull() ? null : value.asText();
        }
        return typer.typeText(values, item.toString(), "api:" + endpoint.getPath(), position);
    }

    @Override
    protected void doClose() {
        page.clear();
    }

    private void fetchPage() throws IOException {
        URI uri = URI.create(endpoint + "?updated_since=" + encode(watermark.toString()) + "&limit=" + PAGE_SIZE
                + (nextCursor == null ? "" : "&cursor=" + encode(nextCursor)));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        String body;
        try {
            body = retry.execute(context -> send(request));
        } catch (ApiRetry.RetryableFailure e) {
            throw new InsightsException(SOURCE, "Cannot read " + description + ": " + e.getMessage()
                    + ", and still after every retry; fix: check the platform is up, then run the extract again", e);
        }
        JsonNode response = JSON.readTree(body);
        JsonNode items = response.get("items");
        if (items == null || !items.isArray()) {
            throw new InsightsException(SOURCE, "Cannot read " + description + ": the answer to " + uri.getPath()
                    + " has no items list; fix: check the source's url points at the diagnostics API");
        }
        items.forEach(page::add);
        JsonNode cursor = response.get("next_cursor");
        nextCursor = cursor == null || cursor.isNull() ? null : cursor.asText();
        lastPage = nextCursor == null;
        log.debug("{}: page of {} items, more: {}", description, items.size(), !lastPage);
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + description, e);
        } catch (IOException e) {
            throw new ApiRetry.RetryableFailure("no answer from " + request.uri().getHost() + ": " + e, null);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new InsightsException(SOURCE, "Cannot read " + description + ": the server refused the token ("
                    + status + "); fix: set " + tokenVariable + " to a valid token for this school");
        }
        if (status == 429 || status >= 500) {
            throw new ApiRetry.RetryableFailure("HTTP " + status + " from " + request.uri().getPath(),
                    response.headers().firstValue("Retry-After").orElse(null));
        }
        if (status != 200) {
            throw new InsightsException(SOURCE, "Cannot read " + description + ": HTTP " + status + " for "
                    + request.uri().getPath() + "; fix: check the source's url");
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
