package triage.http;

import triage.testing.Servers;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.engine.Triage;
import triage.engine.UnrecognizedLog;
import triage.ops.Metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Javalin app;
    private String base;

    private void start(HttpServer.Options options) {
        Metrics metrics = new Metrics();
        var live = Fixtures.triage().rules();
        live.listen(metrics::reload);
        Triage triage = new Triage(live, new UnrecognizedLog(100, Clock.systemUTC()), metrics::diagnosed);
        app = Servers.http(triage, Servers.conversations(triage), metrics, options).create().start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() { if (app != null) app.stop(); }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metrics_count_requests_diagnoses_and_causes_in_prometheus_format() throws Exception {
        start(HttpServer.Options.of(null));
        send("POST", "/api/diagnose", "{\"observations\":[\"login fails\", \"my cat is asleep\"]}");
        send("POST", "/api/diagnose", "{\"observations\":[\"login fails\"]}");
        HttpResponse<String> r = send("GET", "/metrics", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = r.body();
        assertTrue(text.contains("triage_http_requests_seconds_count{route=\"/api/diagnose\",status=\"200\"} 2"), text);
        assertTrue(text.contains("triage_causes_total{component=\"rethinkdb\"} 2"), text);
        assertTrue(text.contains("triage_observations_unrecognized_total 1"), text);
        assertTrue(text.contains("triage_diagnosis_seconds_count 2"), text);
        assertTrue(text.contains("triage_diagnosis_seconds_bucket{le=\"+Inf\"} 2"), text);
        assertTrue(text.contains("triage_diagnosis_seconds_bucket{le=\"0.001\"}"), text);
    }

    @Test
    void every_path_in_the_openapi_document_is_served() throws Exception {
        start(HttpServer.Options.of("tok"));
        JsonNode doc = JSON.readTree(send("GET", "/openapi.json", null).body());
        assertEquals("3.0.3", doc.get("openapi").asText());
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        int checked = 0;
        while (paths.hasNext()) {
            var p = paths.next();
            var ops = p.getValue().fields();
            while (ops.hasNext()) {
                var op = ops.next();
                if (op.getValue().path("x-triage-optional").asBoolean()) continue;
                String path = p.getKey().replace("{id}", "placeos");
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer tok").header("Content-Type", "application/json")
                        .method(op.getKey().toUpperCase(), HttpRequest.BodyPublishers.ofString(op.getKey().equals("get") || op.getKey().equals("delete") ? "" : "{}"))
                        .build();
                int status = client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
                assertNotEquals(404, status, op.getKey() + " " + path + " is documented but not served");
                assertTrue(status < 500, op.getKey() + " " + path + " -> " + status);
                checked++;
            }
        }
        assertTrue(checked >= 10, "checked " + checked);
    }

    @Test
    void a_client_over_its_rate_gets_429_with_retry_after_and_others_are_unaffected() throws Exception {
        start(new HttpServer.Options(null, 1, 3, true, List.of()));
        int ok = 0, limited = 0;
        String retry = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/runbooks"))
                    .header("X-Forwarded-For", "203.0.113.7").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) ok++;
            if (r.statusCode() == 429) {
                limited++;
                retry = r.headers().firstValue("Retry-After").orElse(null);
                assertTrue(r.body().contains("too many requests"), r.body());
            }
        }
        assertEquals(3, ok);
        assertEquals(3, limited);
        assertEquals("1", retry);
        assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(base + "/api/runbooks"))
                .header("X-Forwarded-For", "198.51.100.9").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, send("GET", "/healthz", null).statusCode(), "health is never limited");
    }

    @Test
    void every_response_carries_a_request_id() throws Exception {
        start(HttpServer.Options.of(null));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/healthz"))
                .header("X-Request-Id", "abc-123").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("abc-123", r.headers().firstValue("X-Request-Id").orElse(""));
        assertTrue(send("GET", "/healthz", null).headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f]{8}"));
        r = client.send(HttpRequest.newBuilder(URI.create(base + "/healthz"))
                .header("X-Request-Id", "not a valid id").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f]{8}"), "an unusable id is replaced");
    }

    @Test
    void made_up_request_ids_are_eight_hex_digits() {
        for (int i = 0; i < 1000; i++) {
            String id = Guard.requestId();
            assertTrue(id.matches("[0-9a-f]{8}"), id);
        }
    }
}
