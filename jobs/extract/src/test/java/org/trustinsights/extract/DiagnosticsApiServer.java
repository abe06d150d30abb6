package org.trustinsights.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP server on loopback that serves the diagnostics API from a sample trust's JSON-lines
 * drops: {@code GET /v1/schools/<urn>/<entity>?updated_since=&limit=&cursor=}, with a bearer
 * token, paging by cursor, and failures queued on purpose (a 429 with Retry-After, a 500).
 */
final class DiagnosticsApiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A failure to answer the next request with. */
    record Failure(int status, String retryAfter) {}

    private final HttpServer server;
    private final Path sources;
    private final String token;
    private final Map<String, List<JsonNode>> added = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> served = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int failOnRequest = -1;
    private volatile Failure failureOnRequest;

    DiagnosticsApiServer(Path sources, String token) throws IOException {
        this.sources = sources;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/schools/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Answers the next request with this failure instead. */
    void failNext(int status, String retryAfter) {
        failures.add(new Failure(status, retryAfter));
    }

    /** Answers request number {@code index} (counting from 1) with this failure. */
    void failRequest(int index, int status) {
        failOnRequest = index;
        failureOnRequest = new Failure(status, null);
    }

    /** Publishes one more record, as if changed at the platform after the first load. */
    void add(int urn, String entity, JsonNode record) {
        added.computeIfAbsent(urn + "/" + entity, key -> new CopyOnWriteArrayList<>()).add(record);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI().toString());
        Failure failure = requests.size() == failOnRequest ? failureOnRequest : failures.poll();
        if (failure != null) {
            if (failure.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
            }
            respond(exchange, failure.status(), "{\"error\": \"on purpose\"}");
            return;
        }
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\": \"bad token\"}");
            return;
        }
        String[] path = exchange.getRequestURI().getPath().split("/");
        int urn = Integer.parseInt(path[3]);
        String entity = path[4];
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        respond(exchange, 200, page(urn, entity, query));
    }

    private String page(int urn, String entity, Map<String, String> query) {
        String since = query.getOrDefault("updated_since", "");
        int extra = added.getOrDefault(urn + "/" + entity, List.of()).size();
        String cacheKey = urn + "/" + entity + "/" + since + "/" + extra;
        List<JsonNode> records = served.computeIfAbsent(cacheKey, key -> records(urn, entity).stream()
                .filter(record -> record.path("updated_at").asText("").compareTo(since) > 0)
                .sorted(Comparator.comparing(record -> record.path("updated_at").asText("")))
                .toList());
        int offset = Integer.parseInt(query.getOrDefault("cursor", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        int end = Math.min(records.size(), offset + limit);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        records.subList(offset, end).forEach(items::add);
        if (end < records.size()) {
            body.put("next_cursor", String.valueOf(end));
        } else {
            body.putNull("next_cursor");
        }
        return body.toString();
    }

    /** Every record the platform holds for a school's entity, as the drop files have them. */
    List<JsonNode> records(int urn, String entity) {
        List<JsonNode> records = new ArrayList<>();
        Path folder = sources.resolve(urn + "/diagnostics/" + entity);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                records.addAll(lines(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records.addAll(added.getOrDefault(urn + "/" + entity, List.of()));
        return records;
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<JsonNode> records = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                records.add(JSON.readTree(line));
            }
            return records;
        }
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return Stream.of(raw.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
