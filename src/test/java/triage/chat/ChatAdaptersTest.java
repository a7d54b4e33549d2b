package triage.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.engine.Triage;
import triage.http.HttpServer;
import triage.testing.Servers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which adapters the configuration switches on, and that an adapter without its secret is simply not there. */
class ChatAdaptersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PATHS = List.of("/slack/events", "/slack/commands", "/slack/interactions", "/teams/webhook");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Triage TRIAGE = Fixtures.triage();
    private static final Conversations CONVERSATIONS = new Conversations(TRIAGE,
            new MemoryStore(10, Duration.ofHours(1), Clock.systemUTC()), Clock.systemUTC());

    private int status(Javalin app, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404) assertTrue(r.body().contains("no such path"), r.body());
        return r.statusCode();
    }

    private Javalin serve(ChatAdapters chat, String token) {
        return Servers.http(TRIAGE, CONVERSATIONS, HttpServer.Options.of(token).withChat(chat.routes())).create().start("127.0.0.1", 0);
    }

    @Test
    void without_their_secrets_the_adapters_are_off_and_their_paths_404() throws Exception {
        try (ChatAdapters chat = ChatAdapters.of(new ChatAdapters.Settings(" ", "xoxb-1", null, null, null),
                CONVERSATIONS, JSON)) {
            assertEquals(List.of(), chat.routes());
            Javalin app = serve(chat, null);
            try {
                for (String path : PATHS) assertEquals(404, status(app, path, "{}", Map.of()), path);
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void with_their_secrets_they_answer_and_check_only_their_own_signature() throws Exception {
        String teamsToken = java.util.Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
        var settings = new ChatAdapters.Settings("shh", null, "http://127.0.0.1:9/api", teamsToken, null);
        try (ChatAdapters chat = ChatAdapters.of(settings, CONVERSATIONS, JSON)) {
            assertTrue(chat.describe().contains("slack, teams"), chat.describe());
            // the API token guards /api/* only: chat paths answer to their platform's signature
            Javalin app = serve(chat, "api-token");
            try {
                for (String path : PATHS) assertEquals(401, status(app, path, "{}", Map.of()), path);
                String body = "{\"type\":\"url_verification\",\"challenge\":\"c\"}";
                long ts = System.currentTimeMillis() / 1000;
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec("shh".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String sig = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
                assertEquals(200, status(app, "/slack/events", body,
                        Map.of("X-Slack-Request-Timestamp", String.valueOf(ts), "X-Slack-Signature", sig)));
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void an_unusable_secret_or_url_stops_the_start_with_a_clear_message() {
        var e = assertThrows(IllegalArgumentException.class, () ->
                ChatAdapters.of(new ChatAdapters.Settings(null, null, null, "not base64!", null), CONVERSATIONS, JSON));
        assertTrue(e.getMessage().contains("TEAMS_WEBHOOK_SECRET"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                ChatAdapters.of(new ChatAdapters.Settings("s", null, "ftp://x", null, null), CONVERSATIONS, JSON));
        assertTrue(e.getMessage().contains("SLACK_API_URL"), e.getMessage());
    }
}
