package triage.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.engine.Triage;
import triage.engine.UnrecognizedLog;
import triage.ops.Metrics;
import triage.testing.Servers;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metrics, the OpenAPI document, rate limits and request ids, through {@link JavalinTest}. */
class OperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private static void serve(HttpServer.Options options, TestCase test) {
        Metrics metrics = new Metrics();
        var live = Fixtures.triage().rules();
        live.listen(metrics::reload);
        Triage triage = new Triage(live, new UnrecognizedLog(100, Clock.systemUTC()), metrics::diagnosed);
        JavalinTest.test(Servers.http(triage, Servers.conversations(triage), metrics, options).create(), test);
    }

    private static String body(Response r) throws java.io.IOException {
        try (r) {
            return r.body() == null ? "" : r.body().string();
        }
    }

    private static int status(Response r) {
        try (r) {
            return r.code();
        }
    }

    @Test
    void metrics_count_requests_diagnoses_and_causes_in_prometheus_format() {
        serve(HttpServer.Options.of(null), (server, c) -> {
            assertEquals(200, status(c.request("/api/diagnose", b -> b.post(RequestBody.create(
                    "{\"observations\":[\"login fails\", \"my cat is asleep\"]}", JSON_TYPE)))));
            assertEquals(200, status(c.request("/api/diagnose", b -> b.post(RequestBody.create(
                    "{\"observations\":[\"login fails\"]}", JSON_TYPE)))));
            try (Response r = c.get("/metrics")) {
                assertEquals(200, r.code());
                assertTrue(r.header("Content-Type", "").startsWith("text/plain"));
                String text = r.body().string();
                assertTrue(text.contains("triage_http_requests_seconds_count{route=\"/api/diagnose\",status=\"200\"} 2"), text);
                assertTrue(text.contains("triage_causes_total{component=\"rethinkdb\"} 2"), text);
                assertTrue(text.contains("triage_observations_unrecognized_total 1"), text);
                assertTrue(text.contains("triage_diagnosis_seconds_count 2"), text);
                assertTrue(text.contains("triage_diagnosis_seconds_bucket{le=\"+Inf\"} 2"), text);
                assertTrue(text.contains("triage_diagnosis_seconds_bucket{le=\"0.001\"}"), text);
            }
        });
    }

    @Test
    void every_path_in_the_openapi_document_is_served() {
        serve(HttpServer.Options.of("tok"), (server, c) -> {
            JsonNode doc = JSON.readTree(body(c.get("/openapi.json")));
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
                    String method = op.getKey().toUpperCase();
                    boolean hasBody = !method.equals("GET") && !method.equals("DELETE");
                    int status = status(c.request(path, b -> b.method(method, hasBody ? RequestBody.create("{}", JSON_TYPE) : null)
                            .header("Authorization", "Bearer tok")));
                    assertNotEquals(404, status, op.getKey() + " " + path + " is documented but not served");
                    assertTrue(status < 500, op.getKey() + " " + path + " -> " + status);
                    checked++;
                }
            }
            assertTrue(checked >= 10, "checked " + checked);
        });
    }

    @Test
    void a_client_over_its_rate_gets_429_with_retry_after_and_others_are_unaffected() {
        serve(new HttpServer.Options(null, 1, 3, true, List.of()), (server, c) -> {
            int ok = 0, limited = 0;
            String retry = null;
            for (int i = 0; i < 6; i++) {
                try (Response r = c.get("/api/runbooks", b -> b.header("X-Forwarded-For", "203.0.113.7"))) {
                    if (r.code() == 200) ok++;
                    if (r.code() == 429) {
                        limited++;
                        retry = r.header("Retry-After");
                        String text = r.body().string();
                        assertTrue(text.contains("too many requests"), text);
                    }
                }
            }
            assertEquals(3, ok);
            assertEquals(3, limited);
            assertEquals("1", retry);
            assertEquals(200, status(c.get("/api/runbooks", b -> b.header("X-Forwarded-For", "198.51.100.9"))));
            assertEquals(200, status(c.get("/healthz")), "health is never limited");
        });
    }

    @Test
    void every_response_carries_a_request_id() {
        serve(HttpServer.Options.of(null), (server, c) -> {
            try (Response r = c.get("/healthz", b -> b.header("X-Request-Id", "abc-123"))) {
                assertEquals("abc-123", r.header("X-Request-Id", ""));
            }
            try (Response r = c.get("/healthz")) {
                assertTrue(r.header("X-Request-Id", "").matches("[0-9a-f]{8}"));
            }
            try (Response r = c.get("/healthz", b -> b.header("X-Request-Id", "not a valid id"))) {
                assertTrue(r.header("X-Request-Id", "").matches("[0-9a-f]{8}"), "an unusable id is replaced");
            }
        });
    }

    @Test
    void made_up_request_ids_are_eight_hex_digits() {
        for (int i = 0; i < 1000; i++) {
            String id = Guard.requestId();
            assertTrue(id.matches("[0-9a-f]{8}"), id);
        }
    }
}
