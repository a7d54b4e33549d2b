package triage.http;

import triage.testing.Servers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.engine.Triage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of hostile requests to every POST path: random bytes, broken and deeply nested
 * JSON, wrong types, huge documents, odd unicode, form posts with broken payloads. Never a 5xx,
 * never a stack trace, and the server is still healthy after. Seeded, so a failure replays.
 */
class FuzzTest {
    private static final String[] PATHS = {"/api/diagnose", "/api/conversations/fuzz/messages",
            "/api/conversations/%00bad/messages", "/api/admin/reload", "/slack/events", "/slack/commands",
            "/slack/interactions", "/teams/webhook"};
    private static final String[] TYPES = {"application/json", "application/json; charset=utf-8", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/json;;;"};
    private static final String[] ODD = {"\u0000", "\uFFFF", "\uD800", "\u202E", "e\u0301", "\uD83D\uDD25", "\\u0000",
            "<script>", "' OR 1=1 --", "${jndi:ldap://x}", "%s%n", "\r\n\r\n"};

    private final Random random = new Random(20261121L);

    private String junk() {
        return switch (random.nextInt(14)) {
            case 0 -> new String(bytes(random.nextInt(300)), StandardCharsets.ISO_8859_1);
            case 1 -> "{\"observations\": [" + "[".repeat(random.nextInt(3000)) + "]}";
            case 2 -> "{\"observations\": " + List.of("1", "null", "true", "{}", "\"x\"", "[1]", "[null]", "[[\"a\"]]").get(random.nextInt(8)) + "}";
            case 3 -> "{\"observations\": [\"" + "a".repeat(random.nextInt(5000)) + "\"]}";
            case 4 -> "{\"observations\": [\"" + ODD[random.nextInt(ODD.length)] + " login fails\"], \"probe\": " + (random.nextBoolean() ? "\"yes\"" : "1") + "}";
            case 5 -> "{\"text\": \"" + ODD[random.nextInt(ODD.length)] + "\"}";
            case 6 -> "{\"text\": " + List.of("1", "null", "[]", "{}", "true").get(random.nextInt(5)) + "}";
            case 7 -> "payload=" + "%7B%22type%22%3A" + random.nextInt() + "&command=/triage&text=" + ODD[random.nextInt(ODD.length)];
            case 8 -> "{\"type\":\"url_verification\",\"challenge\":" + random.nextInt() + "}";
            case 9 -> "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\",\"text\":null}}";
            case 10 -> "{".repeat(random.nextInt(100));
            case 11 -> "{\"observations\": [" + "\"login fails\",".repeat(random.nextInt(80)) + "\"x\"]}";
            case 12 -> "{\"a\":" + "{\"a\":".repeat(random.nextInt(2000)) + "1" + "}".repeat(2000) + "}";
            default -> "{\"observations\":[\"" + randomUnicode(random.nextInt(200)) + "\"]}";
        };
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String randomUnicode(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = random.nextInt(0x2FFFF);
            if (Character.isValidCodePoint(cp) && !Character.isSurrogate((char) cp) && cp != '"' && cp != '\\' && cp >= 0x20) sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    @Test
    void hostile_requests_never_get_a_5xx_or_a_stack_trace() throws Exception {
        Triage triage = Fixtures.triage();
        Javalin app = Servers.http(triage, new HttpServer.Options("fuzz-token", 1e6, 1_000_000, false, List.of()))
                .create().start("127.0.0.1", 0);
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + app.port();
            int sent = 0, closedEarly = 0;
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                String path = PATHS[random.nextInt(PATHS.length)];
                String type = TYPES[random.nextInt(TYPES.length)];
                boolean oversized = random.nextInt(20) == 0;
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                        .POST(oversized ? HttpRequest.BodyPublishers.ofByteArray(bytes(70_000))
                                : HttpRequest.BodyPublishers.ofString(junk()));
                if (!type.isEmpty()) b.header("Content-Type", type);
                if (random.nextBoolean()) b.header("Authorization", "Bearer fuzz-token");
                HttpResponse<String> r;
                try {
                    r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    // a 413 may close the connection before an oversized upload is finished (HTTP allows it)
                    if (oversized) {
                        closedEarly++;
                        continue;
                    }
                    throw new AssertionError(path + " " + type + ": " + e, e);
                }
                sent++;
                if (r.statusCode() >= 500 || r.body().contains("\tat ") || r.body().contains("Exception")) {
                    failures.add(path + " " + type + " -> " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                }
            }
            assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " of " + sent + " failed");
            assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> still = client.send(HttpRequest.newBuilder(URI.create(base + "/api/diagnose"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer fuzz-token")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"observations\":[\"login fails\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(still.body().contains("\"rethinkdb\""), "still diagnosing after " + sent + " hostile requests");
            System.out.println("fuzz: " + sent + " answered, " + closedEarly + " oversized uploads cut short, 0 5xx");
        } finally {
            app.stop();
        }
    }
}
