package triage.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import triage.Fixtures;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP contract of API.md, against a server on a free loopback port. */
class HttpServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Javalin app;
    private String base;

    private void start(String token) {
        var triage = Fixtures.triage();
        app = new HttpServer(triage, new triage.conversation.Conversations(triage,
                new triage.conversation.MemoryStore(100, java.time.Duration.ofHours(1), java.time.Clock.systemUTC()),
                java.time.Clock.systemUTC()), JSON, new HttpServer.Options(token)).create().start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        if (app != null) app.stop();
        app = null;
    }

    private HttpResponse<String> post(String path, String contentType, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (auth != null) b.header("Authorization", auth);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, "application/json", body, null);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> r, int status, String mentions) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("error").asText().contains(mentions), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    @Test
    void diagnose_answers_in_the_shape_of_the_contract() throws Exception {
        start(null);
        HttpResponse<String> r = post("/api/diagnose", "{\"observations\": [\"can't log in\", \"requests are reaching the api\"], \"probe\": false}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JSON.readTree(r.body());
        JsonNode top = body.get("causes").get(0);
        assertEquals("rethinkdb", top.get("component").asText());
        assertEquals("RethinkDB failure", top.get("title").asText());
        assertEquals(0.81, top.get("confidence").asDouble(), 1e-9);
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
    }

    @Test
    void probe_true_without_live_checks_configured_reports_nothing_checked() throws Exception {
        start(null);
        HttpResponse<String> r = post("/api/diagnose", "{\"observations\": [\"can't log in\"], \"probe\": true}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("probes").isArray() && body.get("probes").isEmpty(), r.body());
        assertEquals("rethinkdb", body.get("causes").get(0).get("component").asText());
        assertFalse(JSON.readTree(post("/api/diagnose", "{\"observations\": [\"can't log in\"]}").body()).has("probes"),
                "not asked to check: no probes field");
    }

    @Test
    void text_the_knowledge_does_not_cover_yields_no_cause() throws Exception {
        start(null);
        JsonNode body = JSON.readTree(post("/api/diagnose", "{\"observations\": [\"the printer is out of toner\"]}").body());
        assertEquals(0, body.get("causes").size());
        assertEquals("the printer is out of toner", body.get("unrecognized").get(0).asText());
    }

    @Test
    void bad_requests_get_a_clear_4xx_and_never_a_stack_trace() throws Exception {
        start(null);
        assertError(post("/api/diagnose", "{\"observations\": [\"x\""), 400, "not valid JSON");
        assertError(post("/api/diagnose", "[1,2]"), 400, "JSON object");
        assertError(post("/api/diagnose", "{}"), 400, "'observations' is missing");
        assertError(post("/api/diagnose", "{\"observations\": \"can't log in\"}"), 400, "list of strings");
        assertError(post("/api/diagnose", "{\"observations\": []}"), 400, "empty");
        assertError(post("/api/diagnose", "{\"observations\": [42]}"), 400, "must be a string");
        assertError(post("/api/diagnose", "{\"observations\": [\"ok\"], \"probe\": \"yes\"}"), 400, "'probe'");
        String many = "[" + String.join(",", java.util.Collections.nCopies(51, "\"login fails\"")) + "]";
        assertError(post("/api/diagnose", "{\"observations\": " + many + "}"), 400, "at most 50");
        assertError(post("/api/diagnose", "{\"observations\": [\"" + "a".repeat(2001) + "\"]}"), 400, "at most 2000");
        assertError(post("/api/diagnose", "{\"observations\": [\"" + "a".repeat(70_000) + "\"]}"), 413, "over the limit");
        assertError(post("/api/diagnose", "text/plain", "{\"observations\": [\"x\"]}", null), 415, "application/json");
        assertError(post("/api/diagnose", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400, "not valid JSON");
        assertError(get("/api/nothing-here"), 404, "no such path");
        assertEquals(200, get("/healthz").statusCode(), "still serving after bad input");
    }

    private HttpResponse<String> postChunked(String path, byte[] body) throws Exception {
        // from a stream of unknown length: sent chunked, without a Content-Length
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_body_sent_without_a_length_is_read_and_bounded_the_same() throws Exception {
        start(null);
        HttpResponse<String> r = postChunked("/api/diagnose", "{\"observations\": [\"can't log in\"]}".getBytes(UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("rethinkdb", JSON.readTree(r.body()).get("causes").get(0).get("component").asText());
        assertError(postChunked("/api/diagnose", new byte[0]), 400, "empty");
        byte[] atLimit = ("{\"observations\": [\"can't log in\"]}" + " ".repeat(Requests.MAX_BODY)).substring(0, Requests.MAX_BODY)
                .getBytes(UTF_8);
        assertEquals(200, postChunked("/api/diagnose", atLimit).statusCode(), "exactly the limit is allowed");
        assertEquals(200, post("/api/diagnose", new String(atLimit, UTF_8)).statusCode(), "with a length too");
        byte[] over = java.util.Arrays.copyOf(atLimit, Requests.MAX_BODY + 1);
        over[Requests.MAX_BODY] = ' ';
        assertError(postChunked("/api/diagnose", over), 413, "over the limit");
        assertError(post("/api/diagnose", new String(over, UTF_8)), 413, "over the limit");
    }

    @Test
    void a_conversation_remembers_its_question_and_can_be_forgotten() throws Exception {
        start(null);
        JsonNode t1 = JSON.readTree(post("/api/conversations/web-1/messages", "{\"text\": \"nobody can log in\"}").body());
        assertEquals("requests-reach-services", t1.get("nextCheck").get("id").asText());
        assertTrue(t1.get("reply").asText().startsWith("Most likely **RethinkDB** (0.30)"), t1.toString());
        JsonNode t2 = JSON.readTree(post("/api/conversations/web-1/messages", "{\"text\": \"no\"}").body());
        assertEquals("load-balancer", t2.get("causes").get(0).get("component").asText());
        assertEquals(204, client.send(HttpRequest.newBuilder(URI.create(base + "/api/conversations/web-1")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        JsonNode t3 = JSON.readTree(post("/api/conversations/web-1/messages", "{\"text\": \"no\"}").body());
        assertEquals(0, t3.get("causes").size(), "forgotten: 'no' answers nothing now");
        assertError(post("/api/conversations/bad%20id/messages", "{\"text\": \"hi\"}"), 400, "conversation id");
        assertError(post("/api/conversations/web-2/messages", "{}"), 400, "'text' is missing");
        assertError(post("/api/conversations/web-2/messages", "{\"text\": 5}"), 400, "must be a string");
    }

    @Test
    void what_was_not_understood_is_counted_for_runbook_authors() throws Exception {
        start(null);
        post("/api/diagnose", "{\"observations\": [\"the vending machine ate my coin\", \"login fails\"]}");
        post("/api/diagnose", "{\"observations\": [\"The vending machine ate my coin!\"]}");
        post("/api/conversations/u-1/messages", "{\"text\": \"the vending machine ate my coin\"}");
        JsonNode body = JSON.readTree(get("/api/unrecognized?limit=5").body());
        JsonNode first = body.get("unrecognized").get(0);
        assertEquals("the vending machine ate my coin", first.get("text").asText());
        assertEquals(3, first.get("count").asInt());
        assertError(get("/api/unrecognized?limit=zero"), 400, "whole number");
    }

    @Test
    void admin_reload_needs_a_token_and_reports_the_revision() throws Exception {
        start(null);
        assertError(post("/api/admin/reload", "application/json", "{}", null), 404, "TRIAGE_API_TOKEN");
        stop();
        start("t0ken");
        assertError(post("/api/admin/reload", "application/json", "{}", "Bearer nope"), 401, "bearer token");
        HttpResponse<String> r = post("/api/admin/reload", "application/json", "{}", "Bearer t0ken");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("reloaded").asBoolean());
        assertEquals(12, body.get("revision").asText().length());
    }

    @Test
    void health_reports_the_rule_revision() throws Exception {
        start(null);
        JsonNode body = JSON.readTree(get("/healthz").body());
        assertEquals("ok", body.get("status").asText());
        assertEquals(12, body.get("rules").get("revision").asText().length());
        assertFalse(body.get("rules").get("loadedAt").asText().isBlank());
        assertTrue(body.get("rules").get("error").isNull());
    }

    @Test
    void runbooks_list_their_rules_and_sources() throws Exception {
        start(null);
        JsonNode body = JSON.readTree(get("/api/runbooks").body());
        JsonNode placeos = body.get("runbooks").get(0);
        assertEquals("placeos", placeos.get("id").asText());
        assertTrue(placeos.get("rules").size() > 30);
        JsonNode rule = placeos.get("rules").get(0);
        assertTrue(rule.get("line").asInt() > 0);
        assertFalse(rule.get("source").asText().isBlank());
        JsonNode one = JSON.readTree(get("/api/runbooks/web-stack").body());
        assertTrue(one.get("rules").get(0).get("text").asText().contains("rule \""));
        assertTrue(one.get("rules").get(0).get("when").get(0).asText().startsWith("Observation("), one.toString());
        assertError(get("/api/runbooks/nope"), 404, "no runbook");
    }

    @Test
    void with_a_token_set_the_api_needs_it() throws Exception {
        start("s3cret-token");
        String body = "{\"observations\": [\"login fails\"]}";
        assertError(post("/api/diagnose", "application/json", body, null), 401, "bearer token");
        assertError(post("/api/diagnose", "application/json", body, "Bearer wrong"), 401, "bearer token");
        assertEquals(200, post("/api/diagnose", "application/json", body, "Bearer s3cret-token").statusCode());
        assertEquals(200, get("/healthz").statusCode(), "health stays open for load balancers");
    }

    @Test
    void responses_are_gzipped_for_clients_that_ask_and_plain_for_the_rest() throws Exception {
        start(null);
        String body = "{\"observations\": [\"nobody can log in to backoffice\", \"search is broken too\"]}";
        for (boolean gzip : new boolean[]{true, false}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/diagnose")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (gzip) b.header("Accept-Encoding", "gzip");
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertEquals(gzip ? "gzip" : null, r.headers().firstValue("Content-Encoding").orElse(null));
            byte[] raw = r.body();
            String text = new String(gzip ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes()
                    : raw, UTF_8);
            assertEquals("rethinkdb", JSON.readTree(text).get("causes").get(0).get("component").asText(), text);
            if (gzip) assertTrue(raw.length < text.length() / 2, "compressed: " + raw.length + " of " + text.length());
        }
        for (String path : List.of("/", "/app.js", "/metrics")) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", "gzip")
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), path);
            if (r.body().length > 1500) assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null), path);
        }
    }
}
