package triage.http;

import triage.testing.Servers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.chat.ChatAdapters;
import triage.engine.Triage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of hostile requests to every POST path: random bytes, broken and deeply nested
 * JSON, wrong types, huge documents, odd unicode, form posts with broken payloads, chunked bodies
 * (some of 2 MB), comma floods, {@code <} and {@code <at>} floods (Teams ones signed, so they reach
 * the mention stripping), with every chat adapter on. Never a 5xx, never a stack trace, the
 * server still healthy after, and its live heap after a full collection within 100 MB of before. Seeded, so a failure replays.
 */
class FuzzTest {
    private static final String[] PATHS = {"/api/diagnose", "/api/conversations/fuzz/messages",
            "/api/conversations/%00bad/messages", "/api/admin/reload", "/slack/events", "/slack/commands",
            "/slack/interactions", "/teams/webhook"};
    private static final String[] TYPES = {"application/json", "application/json; charset=utf-8", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/json;;;"};
    private static final String[] ODD = {"\u0000", "\uFFFF", "\uD800", "\u202E", "e\u0301", "\uD83D\uDD25", "\\u0000",
            "<script>", "' OR 1=1 --", "${jndi:ldap://x}", "%s%n", "\r\n\r\n"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Random random = new Random(20261121L);

    private String junk() {
        return switch (random.nextInt(20)) {
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
            case 14 -> "{\"observations\": [" + ("\"" + "redis queue database login dns, ".repeat(60) + "\",").repeat(random.nextInt(31)) + "\"x\"]}";
            case 15 -> "{\"text\": \"login fails" + ",".repeat(random.nextInt(60_000)) + "\"}";
            case 16 -> "{\"observations\": [\"" + "<".repeat(random.nextInt(2000)) + "\"], \"text\": \"" + "<".repeat(random.nextInt(60_000)) + "\"}";
            case 17 -> "command=/triage&text=" + "%3C".repeat(random.nextInt(20_000)) + "&team_id=T1&channel_id=C1&user_id=U1";
            case 18 -> teamsActivity("<at>".repeat(random.nextInt(12_000)) + "<".repeat(random.nextInt(10_000)) + " login fails");
            default -> "{\"observations\":[\"" + randomUnicode(random.nextInt(200)) + "\"]}";
        };
    }

    static final String TEAMS_KEY = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));

    /** A well-formed Teams activity with {@code text}; signed when it is sent to the Teams path. */
    private String teamsActivity(String text) {
        var a = JSON.createObjectNode();
        a.put("type", "message");
        a.put("id", "fuzz-" + random.nextLong());
        a.put("timestamp", java.time.Instant.now().toString());
        a.putObject("conversation").put("id", "19:fuzz@thread.skype");
        a.put("text", text);
        return a.toString();
    }

    static String teamsHmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(TEAMS_KEY), "HmacSHA256"));
        return "HMAC " + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code body} without a Content-Length: sent chunked, in pieces. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        List<java.nio.ByteBuffer> parts = new ArrayList<>();
        for (int i = 0; i < body.length; i += 8192) parts.add(java.nio.ByteBuffer.wrap(body, i, Math.min(8192, body.length - i)));
        return HttpRequest.BodyPublishers.fromPublisher(subscriber -> {
            java.util.concurrent.SubmissionPublisher<java.nio.ByteBuffer> p = new java.util.concurrent.SubmissionPublisher<>();
            p.subscribe(subscriber);
            parts.forEach(p::submit);
            p.close();
        });
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

    /** This process's resident set in bytes (Linux), 0 where it cannot be read. */
    private static long rss() {
        System.gc();
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    @Test
    void hostile_requests_never_get_a_5xx_or_a_stack_trace() throws Exception {
        Triage triage = Fixtures.triage();
        Conversations conversations = Servers.conversations(triage);
        // every POST path on: the chat adapters too, so floods reach their parsers
        ChatAdapters chat = ChatAdapters.of(new ChatAdapters.Settings("slack-secret", null, "http://127.0.0.1:9/api",
                TEAMS_KEY, null), conversations, JSON);
        Javalin app = Servers.http(triage, conversations, new HttpServer.Options("fuzz-token", 1e6, 1_000_000, false, List.of())
                        .withChat(chat.routes())).create().start("127.0.0.1", 0);
        long rssBefore = 0, heapBefore = 0;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + app.port();
            int sent = 0, closedEarly = 0;
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                // measured once the JVM is warm (its heap sized, its code compiled), as a server's would be
                if (i == 500) {
                    rssBefore = rss();
                    heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                }
                String path = PATHS[random.nextInt(PATHS.length)];
                String type = TYPES[random.nextInt(TYPES.length)];
                boolean oversized = random.nextInt(20) == 0;
                boolean chunked = random.nextInt(4) == 0;
                byte[] body = oversized ? bytes(random.nextBoolean() ? 70_000 : 2_000_000) : junk().getBytes(StandardCharsets.UTF_8);
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                        .POST(chunked ? chunked(body) : HttpRequest.BodyPublishers.ofByteArray(body));
                if (!type.isEmpty()) b.header("Content-Type", type);
                if (path.equals("/teams/webhook") && random.nextBoolean()) {
                    b.header("Authorization", teamsHmac(new String(body, StandardCharsets.UTF_8)));
                }
                if (random.nextBoolean()) b.header("Authorization", "Bearer fuzz-token");
                HttpResponse<String> r;
                try {
                    r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    // a 413 may close the connection before an oversized upload is finished (HTTP allows it)
                    // so may Jetty's 400 for a path it will not parse (%00), before a large or chunked body is read
                    if (oversized || (path.contains("%00") && (chunked || body.length > 16_384))) {
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
            long rssAfter = rss();  // both after a full collection, which gives unused heap back
            System.out.println("fuzz: " + sent + " answered, " + closedEarly + " oversized uploads cut short, 0 5xx; RSS "
                    + rssBefore / 1024 / 1024 + " MB before, " + rssAfter / 1024 / 1024 + " MB after; heap in use "
                    + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024 / 1024 + " MB of "
                    + Runtime.getRuntime().totalMemory() / 1024 / 1024 + " MB committed");
            // What the server keeps after the run is its live heap: client and server share this JVM, so its RSS
            // (printed above) also holds the client's buffers and memory the JVM committed and has not returned.
            long retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            assertTrue(retained - heapBefore < 100L * 1024 * 1024, "live heap grew by " + (retained - heapBefore) / 1024 / 1024 + " MB");
        } finally {
            app.stop();
            chat.close();
        }
    }
}
