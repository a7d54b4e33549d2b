package triage.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import triage.chat.ChatServer;
import triage.chat.ChatService;
import triage.conversation.MemoryStore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Teams outgoing webhook end to end: activities shaped as Teams sends them, signed as Teams signs them. */
class TeamsAdapterTest {
    // a security token as Teams shows it: 32 random bytes, base64
    private static final String TOKEN = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII));
    private static final String CONVERSATION = "19:253b1f341670408fb6fe5bf06e8da8ff@thread.skype;messageid=1485983194839";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ChatServer server;
    private MemoryStore store;
    private ChatService chat;
    private String base;

    @BeforeAll
    static void warmUp() {
        ChatServer.triage();
    }

    @BeforeEach
    void start() {
        server = ChatServer.start(2, parts -> new TeamsAdapter(TOKEN, parts, Duration.ofSeconds(4)).routes());
        store = server.store;
        chat = server.chat;
        base = server.base;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** base64(HMAC-SHA256(base64-decoded token, body)), computed here independently of the adapter. */
    static String hmac(String token, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(token), "HmacSHA256"));
        return "HMAC " + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A message activity as an outgoing webhook receives it (Bot Framework Activity, Teams channel data). */
    private static String activity(String id, String conversation, String text, Instant at) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", "message");
        a.put("id", id);
        a.put("timestamp", at.toString());
        a.put("localTimestamp", at.toString().replace("Z", "+00:00"));
        a.put("serviceUrl", "https://smba.trafficmanager.net/amer/");
        a.put("channelId", "msteams");
        ObjectNode from = a.putObject("from");
        from.put("id", "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw");
        from.put("name", "Tim Jones");
        from.put("aadObjectId", "f2a5f8a4-6a7e-4b89-9a1e-5c7e3bd6a2f1");
        ObjectNode conv = a.putObject("conversation");
        conv.put("isGroup", true);
        conv.put("id", conversation);
        conv.putNull("name");
        a.putNull("recipient");
        a.put("textFormat", "plain");
        a.putNull("attachmentLayout");
        a.putArray("membersAdded");
        a.putArray("membersRemoved");
        a.putNull("topicName");
        a.putNull("historyDisclosed");
        a.putNull("locale");
        a.put("text", text);
        a.putNull("summary");
        ObjectNode html = a.putArray("attachments").addObject();
        html.put("contentType", "text/html");
        html.putNull("contentUrl");
        html.put("content", "<div>" + text + "</div>");
        ObjectNode client = a.putArray("entities").addObject();
        client.put("type", "clientInfo");
        client.put("locale", "en-US");
        client.put("country", "US");
        client.put("platform", "Windows");
        ObjectNode data = a.putObject("channelData");
        data.put("teamsChannelId", "19:253b1f341670408fb6fe5bf06e8da8ff@thread.skype");
        data.put("teamsTeamId", "19:712c61d0ef384e5fa681ba90ca943398@thread.skype");
        data.putObject("channel").put("id", "19:253b1f341670408fb6fe5bf06e8da8ff@thread.skype");
        data.putObject("team").put("id", "19:712c61d0ef384e5fa681ba90ca943398@thread.skype");
        data.putObject("tenant").put("id", "72f988bf-86f1-41af-91ab-2d7cd011db47");
        a.putNull("replyToId");
        a.putNull("value");
        a.putNull("name");
        return a.toString();
    }

    private HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/teams/webhook")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) b.header("Authorization", authorization);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode say(String id, String text) throws Exception {
        String body = activity(id, CONVERSATION, text, Instant.now());
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(body, hmac(TOKEN, body));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(ms < 5000, "answered within Teams' 5 s: " + ms + " ms");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode reply = JSON.readTree(r.body());
        assertEquals("message", reply.path("type").asText());
        return reply;
    }

    private static void assertError(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).get("error").isTextual(), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    @Test
    void a_signed_activity_gets_a_markdown_answer_with_the_mention_stripped() throws Exception {
        JsonNode reply = say("1485983408511", "<at>Triage</at> nobody can log in to backoffice\n");
        String text = reply.path("text").asText();
        assertTrue(text.matches("(?s)Most likely \\*\\*RethinkDB\\*\\* \\(0\\.\\d\\d\\).*"), text);
        assertTrue(text.contains("**Next check:** Are requests reaching the services?"), text);
        assertFalse(text.contains("<at>"), text);
        var state = store.load(TeamsAdapter.conversationKey(CONVERSATION)).orElseThrow();
        assertEquals("nobody can log in to backoffice", state.observations().get(0).getText(), "the engine never saw <at>");
    }

    @Test
    void two_mentions_in_one_thread_reach_a_diagnosis() throws Exception {
        say("1485983408511", "<at>Triage</at> nobody can log in to backoffice");
        String text = say("1485983421309", "<at>Triage</at> yes").path("text").asText();
        assertTrue(text.matches("(?s)Most likely \\*\\*RethinkDB\\*\\* \\(0\\.\\d\\d\\).*"), text);
        assertTrue(text.contains("\n**Next check:** Is RethinkDB up"), "its own check before settling, on a line of its own: " + text);
    }

    @Test
    void a_bad_or_missing_hmac_gets_401_and_is_not_heard() throws Exception {
        String body = activity("1485983408511", CONVERSATION, "<at>Triage</at> nobody can log in", Instant.now());
        String other = Base64.getEncoder().encodeToString("another webhook's token!".getBytes(StandardCharsets.US_ASCII));
        assertError(post(body, hmac(other, body)), 401);
        assertError(post(body, null), 401);
        assertError(post(body, "Bearer " + TOKEN), 401);
        assertError(post(body, "HMAC not*base64"), 401);
        assertError(post(body.replace("nobody", "anybody"), hmac(TOKEN, body)), 401);
        assertEquals(0, store.size());
    }

    @Test
    void a_replayed_activity_is_not_processed_twice() throws Exception {
        String body = activity("1485983408511", CONVERSATION, "<at>Triage</at> nobody can log in", Instant.now());
        assertEquals(200, post(body, hmac(TOKEN, body)).statusCode());
        HttpResponse<String> again = post(body, hmac(TOKEN, body));
        assertEquals(200, again.statusCode());
        assertTrue(JSON.readTree(again.body()).path("text").asText().contains("already answered"), again.body());
        assertEquals(1, store.load(TeamsAdapter.conversationKey(CONVERSATION)).orElseThrow().turns());

        String old = activity("1485983000000", CONVERSATION, "<at>Triage</at> yes", Instant.now().minus(Duration.ofHours(2)));
        assertError(post(old, hmac(TOKEN, old)), 401);
        assertEquals(1, store.load(TeamsAdapter.conversationKey(CONVERSATION)).orElseThrow().turns());
    }

    @Test
    void bad_input_gets_a_clear_4xx() throws Exception {
        for (String body : List.of("{not json", "[]", "{\"type\":\"conversationUpdate\",\"id\":\"1\"}",
                "{\"type\":\"message\",\"conversation\":{\"id\":\"19:x\"}}", "{\"type\":\"message\",\"id\":\"1\"}")) {
            assertError(post(body, hmac(TOKEN, body)), 400);
        }
    }

    @Test
    void teams_html_becomes_plain_words() {
        assertEquals("login fails & the api <3 is down", TeamsAdapter.plain(
                "<at>Triage</at>&nbsp;<p>login fails &amp; the api &lt;3 is <b>down</b></p>"));
        assertEquals("help", TeamsAdapter.plain("<at id=\"0\">Triage</at> help"));
        assertEquals("", TeamsAdapter.plain("<AT>Triage</AT>"));
    }

    @Test
    void an_activity_without_a_readable_timestamp_is_refused_not_let_past_the_replay_window() throws Exception {
        for (String ts : new String[] {null, "", "yesterday", "2026-13-45T99:00:00Z"}) {
            ObjectNode a = (ObjectNode) JSON.readTree(activity("1485983408511-" + ts, CONVERSATION, "<at>Triage</at> login fails",
                    Instant.now()));
            if (ts == null) a.remove("timestamp");
            else a.put("timestamp", ts);
            String body = a.toString();
            assertError(post(body, hmac(TOKEN, body)), 401);
        }
    }

    @Test
    void fifty_thousand_angle_brackets_or_mentions_are_stripped_in_linear_time() {
        for (String flood : new String[] {"<".repeat(50_000) + "login fails", "<at>".repeat(50_000) + "login fails",
                "<at x".repeat(20_000) + ">" + "</at".repeat(20_000), "<at>a</at>".repeat(20_000) + "login fails"}) {
            long t0 = System.nanoTime();
            String plain = TeamsAdapter.plain(flood);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 1000, ms + " ms for " + flood.length() + " characters");
            assertFalse(plain.contains("<at>"), plain.length() > 80 ? plain.substring(0, 80) : plain);
        }
        assertEquals("< login fails", TeamsAdapter.plain("< <at>Triage</at> login fails"));
        assertEquals("a < b", TeamsAdapter.plain("a < b"));
    }
}
