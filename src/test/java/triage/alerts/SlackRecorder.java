package triage.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Slack's Web API on a free loopback port, as far as alert threads use it: {@code chat.postMessage}
 * answers a new {@code ts} each time (and the workspace in {@code message.team}), {@code chat.update}
 * and {@code auth.test} answer ok. Records every call and when it came in (System.nanoTime).
 */
final class SlackRecorder implements AutoCloseable {
    static final String TEAM = "T0ALERTS1";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Call(String method, JsonNode body, String authorization, long receivedAt) {
        boolean root() { return method.equals("chat.postMessage") && !body.has("thread_ts"); }
        boolean inThread(String ts) { return method.equals("chat.postMessage") && ts.equals(body.path("thread_ts").asText()); }
        String text() { return body.toString(); }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ts = new AtomicInteger();

    SlackRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(pool);
        server.createContext("/api/", this::handle);
        server.start();
    }

    String api() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/api"; }

    List<Call> calls() { return List.copyOf(calls); }

    List<Call> roots() { return calls.stream().filter(Call::root).toList(); }

    List<Call> await(Predicate<Call> which, int n, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            List<Call> got = new ArrayList<>(calls.stream().filter(which).toList());
            if (got.size() >= n) return got;
            if (System.nanoTime() > deadline) throw new AssertionError("expected " + n + " calls, got " + got.size() + " of " + calls);
            Thread.sleep(10);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            long at = System.nanoTime();
            String method = x.getRequestURI().getPath().substring("/api/".length());
            JsonNode body = JSON.readTree(x.getRequestBody().readAllBytes());
            String answer;
            switch (method) {
                case "chat.postMessage" -> {
                    String t = "1700000000." + String.format("%06d", ts.incrementAndGet());
                    answer = "{\"ok\":true,\"channel\":\"" + body.path("channel").asText() + "\",\"ts\":\"" + t
                            + "\",\"message\":{\"type\":\"message\",\"team\":\"" + TEAM + "\",\"ts\":\"" + t + "\"}}";
                }
                case "chat.update" -> answer = "{\"ok\":true,\"channel\":\"" + body.path("channel").asText() + "\",\"ts\":\""
                        + body.path("ts").asText() + "\"}";
                case "auth.test" -> answer = "{\"ok\":true,\"team_id\":\"" + TEAM + "\",\"user_id\":\"U0BOT\"}";
                default -> answer = "{\"ok\":false,\"error\":\"unknown_method\"}";
            }
            calls.add(new Call(method, body, x.getRequestHeaders().getFirst("Authorization"), at));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            x.sendResponseHeaders(200, out.length);
            try (OutputStream os = x.getResponseBody()) {
                os.write(out);
            }
        }
    }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
