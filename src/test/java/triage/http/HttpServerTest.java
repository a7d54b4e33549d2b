package triage.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.testing.Servers;
import triage.web.Bodies;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP contract of API.md, through {@link JavalinTest} against the app as built. A body sent
 * without a length and a response's compression are what the wire carries, so those two tests
 * also talk to the port with the JDK's client, which leaves both to the test.
 */
class HttpServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.net.http.HttpClient RAW = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What came back, read whole. */
    private record Reply(int status, String body, okhttp3.Headers headers) {
        String header(String name) { return headers.get(name); }
    }

    private static void serve(String token, TestCase test) {
        JavalinTest.test(Servers.http(Fixtures.triage(), HttpServer.Options.of(token)).create(), test);
    }

    private static Reply send(HttpClient c, String method, String path, String contentType, String body, String auth)
            throws IOException {
        try (Response r = c.request(path, b -> {
            b.method(method, body == null ? null : RequestBody.create(body, contentType == null ? null : MediaType.get(contentType)));
            if (auth != null) b.header("Authorization", auth);
        })) {
            return new Reply(r.code(), r.body() == null ? "" : r.body().string(), r.headers());
        }
    }

    private static Reply post(HttpClient c, String path, String contentType, String body, String auth) throws IOException {
        return send(c, "POST", path, contentType, body, auth);
    }

    private static Reply post(HttpClient c, String path, String body) throws IOException {
        return post(c, path, "application/json", body, null);
    }

    private static Reply get(HttpClient c, String path) throws IOException {
        return send(c, "GET", path, null, null, null);
    }

    private static void assertError(Reply r, int status, String mentions) throws Exception {
        assertEquals(status, r.status(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("error").asText().contains(mentions), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    @Test
    void diagnose_answers_in_the_shape_of_the_contract() {
        serve(null, (server, c) -> {
            Reply r = post(c, "/api/diagnose", "{\"observations\": [\"can't log in\", \"requests are reaching the api\"], \"probe\": false}");
            assertEquals(200, r.status(), r.body());
            assertTrue(r.header("Content-Type").startsWith("application/json"));
            JsonNode body = JSON.readTree(r.body());
            JsonNode top = body.get("causes").get(0);
            assertEquals("rethinkdb", top.get("component").asText());
            assertEquals("RethinkDB failure", top.get("title").asText());
            double conf = top.get("confidence").asDouble();
            assertTrue(conf > 0.5 && conf <= 1.0, "strong, on the stated scale: " + conf);
            assertEquals("login fails", top.get("because").get(0).asText());
            assertEquals("placeos", top.get("runbook").asText());
            assertFalse(top.get("rule").asText().isBlank());
            JsonNode check = body.get("nextChecks").get(0);
            assertFalse(check.get("id").asText().isBlank());
            assertFalse(check.get("question").asText().isBlank());
            assertFalse(check.get("how").asText().isBlank());
            JsonNode u = body.get("understood").get(0);
            assertEquals("can't log in", u.get("text").asText());
            assertEquals("login-works", u.get("symptom").asText());
            assertFalse(u.get("present").asBoolean());
            assertTrue(body.get("unrecognized").isArray());
        });
    }

    @Test
    void the_same_words_again_get_the_same_body_however_often_and_with_or_without_explain() {
        serve(null, (server, c) -> {
            String said = "{\"observations\": [\"nobody can log in to backoffice\", \"the printer hums\"]}";
            Reply first = post(c, "/api/diagnose", said);
            assertEquals(200, first.status(), first.body());
            for (int i = 0; i < 4; i++) {
                // the second answer is kept whole, the later ones are sent as kept
                Reply again = post(c, "/api/diagnose", said);
                assertEquals(first.body(), again.body(), "answer " + (i + 2));
                assertEquals(first.header("Content-Type"), again.header("Content-Type"));
                assertEquals(first.header("Content-Length"), again.header("Content-Length"));
            }
            JsonNode explained = JSON.readTree(post(c, "/api/diagnose",
                    "{\"observations\": [\"nobody can log in to backoffice\", \"the printer hums\"], \"explain\": true}").body());
            assertTrue(explained.get("firings").size() > 0, explained.toString());
            ((com.fasterxml.jackson.databind.node.ObjectNode) explained).remove("firings");
            assertEquals(JSON.readTree(first.body()), explained, "explain adds the firings, nothing else");
            assertEquals(first.body(), post(c, "/api/diagnose", said).body());
        });
    }

    @Test
    void probe_true_without_live_checks_configured_reports_nothing_checked() {
        serve(null, (server, c) -> {
            Reply r = post(c, "/api/diagnose", "{\"observations\": [\"can't log in\"], \"probe\": true}");
            assertEquals(200, r.status(), r.body());
            JsonNode body = JSON.readTree(r.body());
            assertTrue(body.get("probes").isArray() && body.get("probes").isEmpty(), r.body());
            assertEquals("rethinkdb", body.get("causes").get(0).get("component").asText());
            assertFalse(JSON.readTree(post(c, "/api/diagnose", "{\"observations\": [\"can't log in\"]}").body()).has("probes"),
                    "not asked to check: no probes field");
        });
    }

    @Test
    void text_the_knowledge_does_not_cover_yields_no_cause() {
        serve(null, (server, c) -> {
            JsonNode body = JSON.readTree(post(c, "/api/diagnose", "{\"observations\": [\"the printer is out of toner\"]}").body());
            assertEquals(0, body.get("causes").size());
            assertEquals("the printer is out of toner", body.get("unrecognized").get(0).asText());
        });
    }

    @Test
    void bad_requests_get_a_clear_4xx_and_never_a_stack_trace() {
        serve(null, (server, c) -> {
            assertError(post(c, "/api/diagnose", "{\"observations\": [\"x\""), 400, "not valid JSON");
            assertError(post(c, "/api/diagnose", "[1,2]"), 400, "JSON object");
            assertError(post(c, "/api/diagnose", "{}"), 400, "'observations' is missing");
            assertError(post(c, "/api/diagnose", "{\"observations\": \"can't log in\"}"), 400, "list of strings");
            assertError(post(c, "/api/diagnose", "{\"observations\": []}"), 400, "empty");
            assertError(post(c, "/api/diagnose", "{\"observations\": [42]}"), 400, "must be a string");
            assertError(post(c, "/api/diagnose", "{\"observations\": [\"ok\"], \"probe\": \"yes\"}"), 400, "'probe'");
            String many = "[" + String.join(",", java.util.Collections.nCopies(51, "\"login fails\"")) + "]";
            assertError(post(c, "/api/diagnose", "{\"observations\": " + many + "}"), 400, "at most 50");
            assertError(post(c, "/api/diagnose", "{\"observations\": [\"" + "a".repeat(2001) + "\"]}"), 400, "at most 2000");
            assertError(post(c, "/api/diagnose", "{\"observations\": [\"" + "a".repeat(70_000) + "\"]}"), 413, "over the limit");
            assertError(post(c, "/api/diagnose", "text/plain", "{\"observations\": [\"x\"]}", null), 415, "application/json");
            assertError(post(c, "/api/diagnose", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400, "not valid JSON");
            assertError(get(c, "/api/nothing-here"), 404, "no such path");
            assertEquals(200, get(c, "/healthz").status(), "still serving after bad input");
        });
    }

    /** Sent from a stream of unknown length: chunked, without a Content-Length (the JDK's client, on the port). */
    private static HttpResponse<String> postChunked(int port, byte[] body) throws Exception {
        return RAW.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/diagnose"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Reply reply(HttpResponse<String> r) {
        return new Reply(r.statusCode(), r.body(), okhttp3.Headers.of());
    }

    @Test
    void a_body_sent_without_a_length_is_read_and_bounded_the_same() {
        serve(null, (server, c) -> {
            HttpResponse<String> r = postChunked(server.port(), "{\"observations\": [\"can't log in\"]}".getBytes(UTF_8));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("rethinkdb", JSON.readTree(r.body()).get("causes").get(0).get("component").asText());
            assertError(reply(postChunked(server.port(), new byte[0])), 400, "empty");
            byte[] atLimit = ("{\"observations\": [\"can't log in\"]}" + " ".repeat(Bodies.MAX_BODY)).substring(0, Bodies.MAX_BODY)
                    .getBytes(UTF_8);
            assertEquals(200, postChunked(server.port(), atLimit).statusCode(), "exactly the limit is allowed");
            assertEquals(200, post(c, "/api/diagnose", new String(atLimit, UTF_8)).status(), "with a length too");
            byte[] over = java.util.Arrays.copyOf(atLimit, Bodies.MAX_BODY + 1);
            over[Bodies.MAX_BODY] = ' ';
            assertError(reply(postChunked(server.port(), over)), 413, "over the limit");
            assertError(post(c, "/api/diagnose", new String(over, UTF_8)), 413, "over the limit");
        });
    }

    @Test
    void a_conversation_remembers_its_question_and_can_be_forgotten() {
        serve(null, (server, c) -> {
            JsonNode t1 = JSON.readTree(post(c, "/api/conversations/web-1/messages", "{\"text\": \"nobody can log in\"}").body());
            assertEquals("requests-reach-services", t1.get("nextCheck").get("id").asText());
            assertTrue(t1.get("reply").asText().matches("(?s)Most likely \\*\\*RethinkDB\\*\\* \\(0\\.\\d\\d\\).*"), t1.toString());
            JsonNode t2 = JSON.readTree(post(c, "/api/conversations/web-1/messages", "{\"text\": \"no\"}").body());
            assertEquals("load-balancer", t2.get("causes").get(0).get("component").asText());
            assertEquals(204, send(c, "DELETE", "/api/conversations/web-1", null, null, null).status());
            JsonNode t3 = JSON.readTree(post(c, "/api/conversations/web-1/messages", "{\"text\": \"no\"}").body());
            assertEquals(0, t3.get("causes").size(), "forgotten: 'no' answers nothing now");
            assertError(post(c, "/api/conversations/bad%20id/messages", "{\"text\": \"hi\"}"), 400, "conversation id");
            assertError(post(c, "/api/conversations/web-2/messages", "{}"), 400, "'text' is missing");
            assertError(post(c, "/api/conversations/web-2/messages", "{\"text\": 5}"), 400, "must be a string");
        });
    }

    @Test
    void what_was_not_understood_is_counted_for_runbook_authors() {
        serve(null, (server, c) -> {
            post(c, "/api/diagnose", "{\"observations\": [\"the vending machine ate my coin\", \"login fails\"]}");
            post(c, "/api/diagnose", "{\"observations\": [\"The vending machine ate my coin!\"]}");
            post(c, "/api/conversations/u-1/messages", "{\"text\": \"the vending machine ate my coin\"}");
            JsonNode body = JSON.readTree(get(c, "/api/unrecognized?limit=5").body());
            JsonNode first = body.get("unrecognized").get(0);
            assertEquals("the vending machine ate my coin", first.get("text").asText());
            assertEquals(3, first.get("count").asInt());
            assertError(get(c, "/api/unrecognized?limit=zero"), 400, "whole number");
        });
    }

    @Test
    void admin_reload_needs_a_token_and_reports_the_revision() {
        serve(null, (server, c) ->
                assertError(post(c, "/api/admin/reload", "application/json", "{}", null), 404, "TRIAGE_API_TOKEN"));
        serve("t0ken", (server, c) -> {
            assertError(post(c, "/api/admin/reload", "application/json", "{}", "Bearer nope"), 401, "bearer token");
            Reply r = post(c, "/api/admin/reload", "application/json", "{}", "Bearer t0ken");
            assertEquals(200, r.status(), r.body());
            JsonNode body = JSON.readTree(r.body());
            assertTrue(body.get("reloaded").asBoolean());
            assertEquals(12, body.get("revision").asText().length());
        });
    }

    @Test
    void health_reports_the_rule_revision() {
        serve(null, (server, c) -> {
            JsonNode body = JSON.readTree(get(c, "/healthz").body());
            assertEquals("ok", body.get("status").asText());
            assertEquals(12, body.get("rules").get("revision").asText().length());
            assertFalse(body.get("rules").get("loadedAt").asText().isBlank());
            assertTrue(body.get("rules").get("error").isNull());
        });
    }

    @Test
    void runbooks_list_their_rules_and_sources() {
        serve(null, (server, c) -> {
            JsonNode body = JSON.readTree(get(c, "/api/runbooks").body());
            JsonNode placeos = body.get("runbooks").get(0);
            assertEquals("placeos", placeos.get("id").asText());
            assertTrue(placeos.get("rules").size() > 30);
            JsonNode rule = placeos.get("rules").get(0);
            assertTrue(rule.get("line").asInt() > 0);
            assertFalse(rule.get("source").asText().isBlank());
            JsonNode one = JSON.readTree(get(c, "/api/runbooks/web-stack").body());
            assertTrue(one.get("rules").get(0).get("text").asText().contains("rule \""));
            assertTrue(one.get("rules").get(0).get("when").get(0).asText().startsWith("Observation("), one.toString());
            assertError(get(c, "/api/runbooks/nope"), 404, "no runbook");
        });
    }

    @Test
    void with_a_token_set_the_api_needs_it() {
        serve("s3cret-token", (server, c) -> {
            String body = "{\"observations\": [\"login fails\"]}";
            assertError(post(c, "/api/diagnose", "application/json", body, null), 401, "bearer token");
            assertError(post(c, "/api/diagnose", "application/json", body, "Bearer wrong"), 401, "bearer token");
            assertEquals(200, post(c, "/api/diagnose", "application/json", body, "Bearer s3cret-token").status());
            assertEquals(200, get(c, "/healthz").status(), "health stays open for load balancers");
        });
    }

    @Test
    void responses_are_gzipped_for_clients_that_ask_and_plain_for_the_rest() {
        serve(null, (server, c) -> {
            String base = "http://localhost:" + server.port();
            String body = "{\"observations\": [\"nobody can log in to backoffice\", \"search is broken too\"]}";
            for (boolean gzip : new boolean[]{true, false}) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/diagnose")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                if (gzip) b.header("Accept-Encoding", "gzip");
                HttpResponse<byte[]> r = RAW.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode());
                assertEquals(gzip ? "gzip" : null, r.headers().firstValue("Content-Encoding").orElse(null));
                byte[] raw = r.body();
                String text = new String(gzip ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes() : raw, UTF_8);
                assertEquals("rethinkdb", JSON.readTree(text).get("causes").get(0).get("component").asText(), text);
                if (gzip) assertTrue(raw.length < text.length() / 2, "compressed: " + raw.length + " of " + text.length());
            }
            for (String path : List.of("/", "/app.js", "/metrics")) {
                HttpResponse<byte[]> r = RAW.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", "gzip")
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode(), path);
                if (r.body().length > 1500) assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null), path);
            }
        });
    }

    @Test
    void a_json_body_that_fits_jettys_aggregate_goes_out_with_its_length_and_a_longer_one_in_chunks() {
        serve(null, (server, c) -> {
            String base = "http://localhost:" + server.port();
            List<String> many = List.of("pool_active is at pool_max", "health checks are timing out", "memory keeps growing",
                    "the lb is pulling servers out of rotation", "traffic is spiking", "users are unable to sign in",
                    "etcd is down", "redis keys keep piling up in the daphne queue", "the database is fine",
                    "s3 writes are slow", "dns resolves correctly", "core keeps crashing");
            List<Integer> sizes = new java.util.ArrayList<>();
            for (String body : List.of("{\"observations\": [\"nobody can log in to backoffice\"]}",
                    JSON.writeValueAsString(java.util.Map.of("explain", true, "observations", many)))) {
                HttpResponse<byte[]> r = RAW.send(HttpRequest.newBuilder(URI.create(base + "/api/diagnose"))
                        .version(java.net.http.HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode());
                assertTrue(JSON.readTree(r.body()).has("causes"));
                sizes.add(r.body().length);
                String length = r.headers().firstValue("Content-Length").orElse(null);
                String chunked = r.headers().firstValue("Transfer-Encoding").orElse(null);
                if (r.body().length <= 8192) {
                    assertEquals(String.valueOf(r.body().length), length, body);
                    assertEquals(null, chunked, body);
                } else {
                    assertEquals(null, length, "a body of " + r.body().length + " bytes");
                    assertEquals("chunked", chunked, "a body of " + r.body().length + " bytes");
                }
            }
            assertTrue(sizes.get(0) <= 8192 && sizes.get(1) > 8192, "one body of each kind: " + sizes);
        });
    }
}
