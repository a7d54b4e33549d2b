package triage.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.engine.LiveRulebook;
import triage.engine.RulebookException;
import triage.engine.Triage;
import triage.ops.Metrics;
import triage.testing.Servers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readiness: a server that listens before its first rule set has loaded. */
class StartupTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LiveRulebook.Source SHIPPED = new LiveRulebook.Source(Fixtures.RULES, Fixtures.KNOWLEDGE, "files");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Javalin started(Triage triage, CompletableFuture<?> ready, Duration wait) {
        Javalin app = new HttpServer(triage, Servers.conversations(triage), new Metrics(), JSON, HttpServer.Options.of(null),
                ready, wait).create();
        return app.start("127.0.0.1", 0);
    }

    private HttpResponse<String> get(Javalin app, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> diagnose(Javalin app, String text) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/diagnose"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"observations\":[\"" + text + "\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_request_sent_before_the_rules_have_loaded_is_answered_once_they_have_and_healthz_goes_from_503_to_200()
            throws Exception {
        LiveRulebook live = LiveRulebook.starting(SHIPPED, Fixtures.compiler());
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Javalin app = started(new Triage(live), ready, Duration.ofMinutes(2));
        try {
            HttpResponse<String> starting = get(app, "/healthz");
            assertEquals(503, starting.statusCode(), starting.body());
            JsonNode health = JSON.readTree(starting.body());
            assertEquals("starting", health.get("status").asText());
            assertTrue(health.get("rules").get("revision").isNull(), starting.body());
            assertEquals(200, get(app, "/metrics").statusCode(), "metrics answer while starting");

            CompletableFuture<HttpResponse<String>> early = diagnose(app, "nobody can log in to backoffice");
            Thread.sleep(300);
            assertFalse(early.isDone(), "the request waits for the rules");
            live.loadFirst(SHIPPED);
            ready.complete(null);

            HttpResponse<String> answered = early.get(2, TimeUnit.MINUTES);
            assertEquals(200, answered.statusCode(), answered.body());
            assertEquals("rethinkdb", JSON.readTree(answered.body()).get("causes").get(0).get("component").asText());
            HttpResponse<String> ok = get(app, "/healthz");
            assertEquals(200, ok.statusCode(), ok.body());
            JsonNode up = JSON.readTree(ok.body());
            assertEquals("ok", up.get("status").asText());
            assertEquals(live.current().revision(), up.get("rules").get("revision").asText());
        } finally {
            app.stop();
        }
    }

    @Test
    void a_request_waits_at_most_the_bound_then_is_told_to_retry() throws Exception {
        LiveRulebook live = LiveRulebook.starting(SHIPPED, Fixtures.compiler());
        Duration wait = Duration.ofSeconds(1);
        Javalin app = started(new Triage(live), new CompletableFuture<>(), wait);
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> r = diagnose(app, "can't log in").get(2, TimeUnit.MINUTES);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(503, r.statusCode(), r.body());
            assertEquals(String.valueOf(Startup.RETRY_AFTER), r.headers().firstValue("Retry-After").orElse(null));
            assertTrue(JSON.readTree(r.body()).get("error").asText().startsWith("starting:"), r.body());
            assertTrue(ms >= wait.toMillis() && ms < wait.toMillis() * 10, ms + " ms");
        } finally {
            app.stop();
        }
    }

    @Test
    void when_the_first_set_will_not_load_waiting_requests_are_refused_at_once() throws Exception {
        LiveRulebook live = LiveRulebook.starting(SHIPPED, Fixtures.compiler());
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Javalin app = started(new Triage(live), ready, Duration.ofMinutes(2));
        try {
            CompletableFuture<HttpResponse<String>> early = diagnose(app, "can't log in");
            Thread.sleep(300);
            RulebookException why = new RulebookException(List.of());
            live.failed(why);
            ready.completeExceptionally(why);
            HttpResponse<String> r = early.get(2, TimeUnit.MINUTES);
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(JSON.readTree(r.body()).get("error").asText().contains("did not load"), r.body());
            assertEquals(503, get(app, "/healthz").statusCode());
        } finally {
            app.stop();
        }
    }
}
