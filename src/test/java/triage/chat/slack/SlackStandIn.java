package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API and its response_url hooks, on a free loopback port: records
 * every request and answers as Slack does ({@code {"ok": true, ...}}), or as told for the next few
 * calls of a path ({@code ok:false}, an HTTP status, or slowly).
 */
final class SlackStandIn implements AutoCloseable {
    static final String BOT_USER = "U0LAN0Z89";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received, and when (System.nanoTime) it came in. */
    record Call(String path, String authorization, String contentType, String rawBody, JsonNode body, long receivedAt) {}

    /** How to answer one call: status, body, a pause first, and headers (Retry-After). */
    record Script(int status, String body, long delayMillis, Map<String, String> headers) {
        Script(int status, String body, long delayMillis) { this(status, body, delayMillis, Map.of()); }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Script>> scripts = new ConcurrentHashMap<>();

    private SlackStandIn(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    static SlackStandIn start() throws IOException { return new SlackStandIn(0); }

    /** On {@code port}, e.g. one that refused connections until now. */
    static SlackStandIn start(int port) throws IOException { return new SlackStandIn(port); }

    /** The Web API base, as SLACK_API_URL. */
    URI api() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api"); }

    /** A response_url on this stand-in. */
    String hook(String name) { return "http://127.0.0.1:" + server.getAddress().getPort() + "/actions/T061EG9R6/" + name; }

    /** Answers the next calls of {@code path} this way, in order; later calls as usual. */
    void script(String path, Script... next) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(next));
    }

    List<Call> calls() { return List.copyOf(calls); }

    List<Call> calls(String path) { return calls.stream().filter(c -> c.path().equals(path)).toList(); }

    List<Call> posts() { return calls("/api/chat.postMessage"); }

    /** Waits (at most {@code max}) until {@code n} calls match. */
    List<Call> await(Predicate<Call> which, int n, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            List<Call> got = new ArrayList<>(calls.stream().filter(which).toList());
            if (got.size() >= n) return got;
            if (System.nanoTime() > deadline) throw new AssertionError("expected " + n + " calls, got " + got + " of " + calls);
            Thread.sleep(10);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            long receivedAt = System.nanoTime();
            byte[] raw = x.getRequestBody().readAllBytes();
            String text = new String(raw, StandardCharsets.UTF_8);
            JsonNode body;
            try {
                body = JSON.readTree(text);
            } catch (IOException e) {
                body = null;
            }
            String path = x.getRequestURI().getPath();
            Script s = scripts.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
            if (s == null) s = usual(path, body);
            if (s.delayMillis() > 0) {
                try {
                    Thread.sleep(s.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // recorded once answered, so a test that waits for a call also sees what it was told
            calls.add(new Call(path, x.getRequestHeaders().getFirst("Authorization"),
                    x.getRequestHeaders().getFirst("Content-Type"), text, body, receivedAt));
            s.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v));
            byte[] out = s.body().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", s.body().startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
            try {
                x.sendResponseHeaders(s.status(), out.length);
                try (OutputStream os = x.getResponseBody()) {
                    os.write(out);
                }
            } catch (IOException e) {
                // the client gave up waiting (the slow case): nothing to answer
            }
        }
    }

    private static Script usual(String path, JsonNode body) {
        if (path.equals("/api/chat.postMessage")) {
            String channel = body == null ? "" : body.path("channel").asText();
            return new Script(200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1515449600.000200\"}", 0);
        }
        if (path.equals("/api/auth.test")) {
            return new Script(200, "{\"ok\":true,\"url\":\"https://example.slack.com/\",\"team\":\"Example\",\"user\":\"triage\","
                    + "\"team_id\":\"T061EG9R6\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0LAN0Z89\"}", 0);
        }
        if (path.startsWith("/actions/")) return new Script(200, "ok", 0);
        return new Script(404, "{\"ok\":false,\"error\":\"unknown_method\"}", 0);
    }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
