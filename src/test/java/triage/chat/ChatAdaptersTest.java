package triage.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.engine.Triage;
import triage.http.HttpServer;
import triage.testing.Servers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which adapters the configuration switches on, and that an adapter without its secret is simply not
 * there: its paths, asked through {@link JavalinTest}, answer 404.
 */
class ChatAdaptersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PATHS = List.of("/slack/events", "/slack/commands", "/slack/interactions", "/teams/webhook");
    private static final Triage TRIAGE = Fixtures.triage();
    private static final Conversations CONVERSATIONS = new Conversations(TRIAGE,
            new MemoryStore(10, Duration.ofHours(1), Clock.systemUTC()), Clock.systemUTC());

    private static int status(HttpClient c, String path, String body, Map<String, String> headers) throws IOException {
        try (Response r = c.request(path, b -> {
            b.post(RequestBody.create(body, MediaType.get("application/json")));
            headers.forEach(b::header);
        })) {
            String text = r.body() == null ? "" : r.body().string();
            if (r.code() == 404) assertTrue(text.contains("no such path"), text);
            return r.code();
        }
    }

    /** The app as built with {@code chat}'s routes and the API token {@code token}, through {@link JavalinTest}. */
    private static void serve(ChatAdapters chat, String token, TestCase test) {
        JavalinTest.test(Servers.http(TRIAGE, CONVERSATIONS, HttpServer.Options.of(token).withChat(chat.routes())).create(), test);
    }

    @Test
    void without_their_secrets_the_adapters_are_off_and_their_paths_404() {
        try (ChatAdapters chat = ChatAdapters.of(new ChatAdapters.Settings(" ", "xoxb-1", null, null, null),
                CONVERSATIONS, JSON)) {
            assertEquals(List.of(), chat.routes());
            serve(chat, null, (server, c) -> {
                for (String path : PATHS) assertEquals(404, status(c, path, "{}", Map.of()), path);
            });
        }
    }

    @Test
    void with_their_secrets_they_answer_and_check_only_their_own_signature() {
        String teamsToken = java.util.Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
        var settings = new ChatAdapters.Settings("shh", null, "http://127.0.0.1:9/api", teamsToken, null);
        try (ChatAdapters chat = ChatAdapters.of(settings, CONVERSATIONS, JSON)) {
            assertTrue(chat.describe().contains("slack, teams"), chat.describe());
            // the API token guards /api/* only: chat paths answer to their platform's signature
            serve(chat, "api-token", (server, c) -> {
                for (String path : PATHS) assertEquals(401, status(c, path, "{}", Map.of()), path);
                String body = "{\"type\":\"url_verification\",\"challenge\":\"c\"}";
                long ts = System.currentTimeMillis() / 1000;
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec("shh".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String sig = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
                assertEquals(200, status(c, "/slack/events", body,
                        Map.of("X-Slack-Request-Timestamp", String.valueOf(ts), "X-Slack-Signature", sig)));
            });
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

    @Test
    void the_teams_bot_and_socket_mode_need_their_companions_and_say_which() {
        var e = assertThrows(IllegalArgumentException.class, () -> ChatAdapters.of(new ChatAdapters.Settings(null, null, null,
                null, null, null, "8e2c6a0b-1f4e-4b6a-9c3d-2a5f7e9b1c04", null, null, null, null), CONVERSATIONS, JSON));
        assertTrue(e.getMessage().contains("TEAMS_APP_PASSWORD"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ChatAdapters.of(new ChatAdapters.Settings(null, null, null,
                null, null, null, "8e2c6a0b-1f4e-4b6a-9c3d-2a5f7e9b1c04", "pw", "tenant/../x", null, null), CONVERSATIONS, JSON));
        assertTrue(e.getMessage().contains("TEAMS_TENANT_ID"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ChatAdapters.of(new ChatAdapters.Settings(null, null, null,
                null, null, "xoxb-not-an-app-token", null, null, null, null, null), CONVERSATIONS, JSON));
        assertTrue(e.getMessage().contains("SLACK_APP_TOKEN"), e.getMessage());
        // Socket Mode alone mounts no Slack path; the bot mounts /teams/messages only
        try (ChatAdapters on = ChatAdapters.of(new ChatAdapters.Settings(null, null, null, null, null,
                "xapp-1-A0MDYCDME-1-abc", "8e2c6a0b-1f4e-4b6a-9c3d-2a5f7e9b1c04", "pw", "contoso.onmicrosoft.com", null, null),
                CONVERSATIONS, JSON)) {
            assertEquals(1, on.routes().size());
            assertTrue(on.describe().contains("teams bot") && on.describe().contains("slack socket mode"), on.describe());
        }
    }
}
