package triage.chat.slack;

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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Slack adapter end to end: payloads shaped as Slack's documentation shows them, signed as
 * Slack signs them, through the real HTTP server and conversation engine, answered to a local
 * stand-in for Slack's Web API.
 */
class SlackAdapterTest {
    private static final String SECRET = "e1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    private static final String TEAM = "T061EG9R6";
    private static final String CHANNEL = "C0LAN2Q65";
    private static final String PERSON = "U061F7AUR";
    private static final String JSON_TYPE = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SlackStandIn slack;
    private ChatServer server;
    private MemoryStore store;
    private ChatService chat;
    private SlackAdapter adapter;
    private String base;

    @BeforeAll
    static void warmUp() {
        ChatServer.triage();
    }

    @BeforeEach
    void start() throws Exception {
        slack = SlackStandIn.start();
        serve(Duration.ofSeconds(5), Duration.ofMillis(2500), 2);
    }

    private void serve(Duration requestTimeout, Duration commandDeadline, int threads) {
        server = ChatServer.start(threads, parts -> {
            adapter = new SlackAdapter(new SlackAdapter.Settings(SECRET, TOKEN, slack.api(), Duration.ofSeconds(2),
                    requestTimeout, 3, Duration.ofMillis(20), commandDeadline), parts);
            return adapter.routes();
        });
        store = server.store;
        chat = server.chat;
        base = server.base;
    }

    private void stopServer() {
        server.close();
        adapter.close();
    }

    /** Every message answered and every reply posted (or given up on). */
    private boolean idle() throws InterruptedException {
        return chat.awaitIdle(WAIT) && adapter.awaitSent(WAIT);
    }

    @AfterEach
    void stop() {
        stopServer();
        slack.close();
    }

    // ---- signing and sending, as Slack does ---------------------------------------------------

    static String sign(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static long now() { return System.currentTimeMillis() / 1000; }

    private HttpResponse<String> send(String path, String type, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(String path, String type, String body, String... extra) throws Exception {
        long ts = now();
        List<String> h = new ArrayList<>(List.of("X-Slack-Request-Timestamp", String.valueOf(ts),
                "X-Slack-Signature", sign(SECRET, ts, body)));
        h.addAll(List.of(extra));
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < h.size(); i += 2) headers.put(h.get(i), h.get(i + 1));
        return send(path, type, body, headers);
    }

    private static void assertError(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).get("error").isTextual(), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    // ---- payloads, shaped as in Slack's documentation --------------------------------------------

    /** An Events API envelope around {@code event} (api.slack.com/apis/events-api#callback-field). */
    private static String envelope(String eventId, ObjectNode event) {
        ObjectNode e = JSON.createObjectNode();
        e.put("token", "ZZZZZZWSxiZZZ2yIvs3peJ");
        e.put("team_id", TEAM);
        e.put("api_app_id", "A0MDYCDME");
        e.set("event", event);
        e.put("type", "event_callback");
        e.put("event_id", eventId);
        e.put("event_time", 1515449522);
        ObjectNode auth = e.putArray("authorizations").addObject();
        auth.putNull("enterprise_id");
        auth.put("team_id", TEAM);
        auth.put("user_id", SlackStandIn.BOT_USER);
        auth.put("is_bot", true);
        auth.put("is_enterprise_install", false);
        e.put("is_ext_shared_channel", false);
        e.put("event_context", "4-eyJldCI6ImFwcF9tZW50aW9uIiwidGlkIjoiVDA2MUVHOVI2In0");
        return e.toString();
    }

    /** The app_mention event of api.slack.com/events/app_mention, with our words. */
    private static ObjectNode mention(String ts, String threadTs, String text) {
        ObjectNode ev = JSON.createObjectNode();
        ev.put("type", "app_mention");
        ev.put("user", PERSON);
        ev.put("text", text);
        ev.put("ts", ts);
        if (threadTs != null) ev.put("thread_ts", threadTs);
        ev.put("channel", CHANNEL);
        ev.put("event_ts", ts);
        return ev;
    }

    /** A message event (api.slack.com/events/message): in a channel thread or a DM. */
    private static ObjectNode message(String channel, String channelType, String user, String ts, String threadTs, String text) {
        ObjectNode ev = JSON.createObjectNode();
        ev.put("type", "message");
        ev.put("channel", channel);
        if (user != null) ev.put("user", user);
        ev.put("text", text);
        ev.put("ts", ts);
        if (threadTs != null) ev.put("thread_ts", threadTs);
        ev.put("event_ts", ts);
        ev.put("channel_type", channelType);
        return ev;
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** A slash command as Slack posts it (api.slack.com/interactivity/slash-commands#app_command_handling). */
    private String command(String text, String responseUrl) {
        return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001"
                + "&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705&channel_name=test"
                + "&user_id=U2147483697&user_name=Steve&command=%2Ftriage&text=" + enc(text)
                + "&response_url=" + enc(responseUrl) + "&trigger_id=13345224609.738474920.8088930838d88f008e0"
                + "&api_app_id=A123456";
    }

    /** A block_actions payload (api.slack.com/reference/interaction-payloads/block-actions) for a click on {@code posted}. */
    private String click(JsonNode posted, String actionId, String messageTs, String responseUrl) {
        JsonNode button = null;
        for (JsonNode b : posted.path("blocks")) {
            if (b.path("type").asText().equals("actions")) {
                for (JsonNode el : b.path("elements")) if (el.path("action_id").asText().equals(actionId)) button = el;
            }
        }
        assertNotNull(button, "the message has a " + actionId + " button: " + posted);
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        ObjectNode user = p.putObject("user");
        user.put("id", PERSON);
        user.put("username", "jtorrance");
        user.put("name", "jtorrance");
        user.put("team_id", TEAM);
        p.put("api_app_id", "A0MDYCDME");
        p.put("token", "9s8d9as89d8as9d8as989");
        ObjectNode container = p.putObject("container");
        container.put("type", "message");
        container.put("message_ts", messageTs);
        container.put("channel_id", posted.path("channel").asText());
        container.put("is_ephemeral", false);
        container.put("thread_ts", posted.path("thread_ts").asText());
        p.put("trigger_id", "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3");
        ObjectNode team = p.putObject("team");
        team.put("id", TEAM);
        team.put("domain", "example");
        p.putNull("enterprise");
        p.put("is_enterprise_install", false);
        ObjectNode channel = p.putObject("channel");
        channel.put("id", posted.path("channel").asText());
        channel.put("name", "incidents");
        ObjectNode message = p.putObject("message");
        message.put("bot_id", "B0LAN0Z89");
        message.put("type", "message");
        message.put("text", posted.path("text").asText());
        message.put("user", SlackStandIn.BOT_USER);
        message.put("ts", messageTs);
        message.put("thread_ts", posted.path("thread_ts").asText());
        message.set("blocks", posted.path("blocks"));
        p.putObject("state").putObject("values");
        p.put("response_url", responseUrl);
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId);
        action.put("block_id", SlackBlocks.QUESTION_BLOCK);
        ObjectNode text = action.putObject("text");
        text.put("type", "plain_text");
        text.put("text", button.path("text").path("text").asText());
        text.put("emoji", true);
        action.put("value", button.path("value").asText());
        action.put("type", "button");
        action.put("action_ts", "1548426417.840180");
        return "payload=" + enc(p.toString());
    }

    private static boolean isPost(SlackStandIn.Call c) { return c.path().equals("/api/chat.postMessage"); }

    private static List<String> sectionTexts(JsonNode message) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : message.path("blocks")) {
            if (b.has("text")) out.add(b.path("text").path("text").asText());
            for (JsonNode el : b.path("elements")) if (el.path("type").asText().equals("mrkdwn")) out.add(el.path("text").asText());
        }
        return out;
    }

    // ---- the tests -------------------------------------------------------------------------------

    @Test
    void url_verification_answers_the_challenge() throws Exception {
        String body = "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}";
        HttpResponse<String> r = signed("/slack/events", JSON_TYPE, body);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    void an_app_mention_gets_exactly_one_threaded_reply_with_blocks() throws Exception {
        String ts = "1515449522.000016";
        HttpResponse<String> r = signed("/slack/events", JSON_TYPE,
                envelope("Ev0LAN670R", mention(ts, null, "<@U0LAN0Z89> nobody can log in to backoffice")));
        assertEquals(200, r.statusCode(), r.body());
        slack.await(SlackAdapterTest::isPost, 1, WAIT);
        assertTrue(idle());
        List<SlackStandIn.Call> posts = slack.posts();
        assertEquals(1, posts.size(), "exactly one reply");
        SlackStandIn.Call post = posts.get(0);
        assertEquals("Bearer " + TOKEN, post.authorization());
        assertTrue(post.contentType().startsWith("application/json"), post.contentType());
        JsonNode m = post.body();
        assertEquals(CHANNEL, m.path("channel").asText());
        assertEquals(ts, m.path("thread_ts").asText(), "in the thread of the mention");
        assertTrue(m.path("text").asText().contains("RethinkDB"), m.toString());

        // Block Kit within Slack's limits: the cause with its confidence, because, the next check, Yes / No
        JsonNode blocks = m.path("blocks");
        assertTrue(blocks.size() > 0 && blocks.size() <= 50, "1-50 blocks: " + blocks.size());
        assertTrue(post.rawBody().length() < 12_000, "a small reply: " + post.rawBody().length());
        List<String> texts = sectionTexts(m);
        texts.forEach(t -> assertTrue(t.length() <= 3000, "a section fits 3000 characters"));
        String all = String.join("\n", texts);
        assertTrue(all.contains("Most likely *RethinkDB"), all);
        assertTrue(all.matches("(?s).*0\\.\\d\\d.*"), "the confidence: " + all);
        assertTrue(all.contains("*Because:* login fails"), all);
        assertTrue(all.contains("*Next check:* Are requests reaching the services?"), all);
        JsonNode actions = null;
        for (JsonNode b : blocks) if (b.path("type").asText().equals("actions")) actions = b;
        assertNotNull(actions, "buttons on the question");
        assertEquals(2, actions.path("elements").size());
        for (JsonNode button : actions.path("elements")) {
            assertTrue(button.path("text").path("text").asText().length() <= 75);
            assertTrue(button.path("action_id").asText().length() <= 255);
            assertTrue(button.path("value").asText().length() <= 2000);
            JsonNode value = JSON.readTree(button.path("value").asText());
            assertEquals("slack:" + TEAM + ":" + CHANNEL + ":" + ts, value.path("c").asText());
            assertEquals("requests-reach-services", value.path("q").asText());
        }
        assertEquals(List.of("Yes", "No"), List.of(actions.path("elements").get(0).path("text").path("text").asText(),
                actions.path("elements").get(1).path("text").path("text").asText()));

        // the mention was stripped before the engine read the words
        var state = store.load("slack:" + TEAM + ":" + CHANNEL + ":" + ts).orElseThrow();
        assertEquals("nobody can log in to backoffice", state.observations().get(0).getText());
    }

    @Test
    void bad_missing_and_stale_signatures_get_401_and_nothing_is_posted() throws Exception {
        String body = envelope("Ev0BADSIG1", mention("1515449522.000016", null, "<@U0LAN0Z89> nobody can log in"));
        long ts = now();
        List<Map<String, String>> refused = List.of(
                Map.of("X-Slack-Request-Timestamp", String.valueOf(ts), "X-Slack-Signature", sign("not-the-secret", ts, body)),
                Map.of(),
                Map.of("X-Slack-Request-Timestamp", String.valueOf(ts)),
                Map.of("X-Slack-Signature", sign(SECRET, ts, body)),
                // just outside Slack's five minutes either way, with room for the server's clock to tick on
                Map.of("X-Slack-Request-Timestamp", String.valueOf(ts - 310), "X-Slack-Signature", sign(SECRET, ts - 310, body)),
                Map.of("X-Slack-Request-Timestamp", String.valueOf(ts + 310), "X-Slack-Signature", sign(SECRET, ts + 310, body)),
                Map.of("X-Slack-Request-Timestamp", String.valueOf(ts), "X-Slack-Signature", sign(SECRET, ts, body + " ")),
                Map.of("X-Slack-Request-Timestamp", String.valueOf(ts), "X-Slack-Signature", "v0=deadbeef"));
        for (Map<String, String> headers : refused) {
            assertError(send("/slack/events", JSON_TYPE, body, headers), 401);
        }
        String cmd = command("nobody can log in", slack.hook("cmd-bad"));
        assertError(send("/slack/commands", FORM, cmd, Map.of("X-Slack-Request-Timestamp", String.valueOf(ts),
                "X-Slack-Signature", sign("not-the-secret", ts, cmd))), 401);
        assertError(send("/slack/interactions", FORM, "payload=%7B%7D", Map.of()), 401);
        assertTrue(idle());
        assertEquals(List.of(), slack.calls(), "nothing posted");
        assertEquals(0, store.size(), "nothing reached a conversation");
    }

    @Test
    void a_retried_event_is_answered_once() throws Exception {
        String body = envelope("Ev0RETRY01", mention("1515449522.000016", null, "<@U0LAN0Z89> nobody can log in"));
        assertEquals(200, signed("/slack/events", JSON_TYPE, body).statusCode());
        // Slack's retry: the same event, signed afresh, while the first may still be in hand
        assertEquals(200, signed("/slack/events", JSON_TYPE, body,
                "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout").statusCode());
        assertEquals(200, signed("/slack/events", JSON_TYPE, body,
                "X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_error").statusCode());
        slack.await(SlackAdapterTest::isPost, 1, WAIT);
        assertTrue(idle());
        assertEquals(1, slack.posts().size(), "one reply for one event");
    }

    @Test
    void bots_own_and_other_messages_are_ignored() throws Exception {
        ObjectNode botMessage = message("D024BE91L", "im", null, "1355517523.000005", null, "nobody can log in");
        botMessage.put("subtype", "bot_message");
        botMessage.put("bot_id", "B0LAN0Z89");
        ObjectNode otherBot = message("D024BE91L", "im", "U0OTHERBOT", "1355517524.000005", null, "nobody can log in");
        otherBot.put("bot_id", "B0OTHER01");
        ObjectNode own = message("D024BE91L", "im", SlackStandIn.BOT_USER, "1355517525.000005", null, "nobody can log in");
        ObjectNode edited = message("D024BE91L", "im", PERSON, "1355517526.000005", null, "nobody can log in");
        edited.put("subtype", "message_changed");
        ObjectNode chatter = message(CHANNEL, "channel", PERSON, "1355517527.000005", null, "nobody can log in");
        ObjectNode strangerThread = message(CHANNEL, "channel", PERSON, "1355517528.000005", "1355510000.000001",
                "nobody can log in");
        int n = 0;
        for (ObjectNode ev : List.of(botMessage, otherBot, own, edited, chatter, strangerThread)) {
            assertEquals(200, signed("/slack/events", JSON_TYPE, envelope("Ev0IGNORE0" + n++, ev)).statusCode());
        }
        assertTrue(idle());
        assertEquals(List.of(), slack.calls(), "no reply to bots, itself, edits, or talk it is not part of");
    }

    @Test
    void a_reply_in_the_bots_thread_and_a_dm_are_answered_in_their_threads() throws Exception {
        String ts = "1515449522.000016";
        signed("/slack/events", JSON_TYPE, envelope("Ev0THREAD1", mention(ts, null, "<@U0LAN0Z89> nobody can log in")));
        slack.await(SlackAdapterTest::isPost, 1, WAIT);
        assertTrue(idle());
        // a reply in that thread, without a mention: the bot is in this thread, so it is answered
        signed("/slack/events", JSON_TYPE, envelope("Ev0THREAD2",
                message(CHANNEL, "channel", PERSON, "1515449530.000100", ts, "yes, they show up")));
        List<SlackStandIn.Call> posts = slack.await(SlackAdapterTest::isPost, 2, WAIT);
        JsonNode second = posts.get(1).body();
        assertEquals(ts, second.path("thread_ts").asText());
        assertTrue(second.path("text").asText().matches("(?s)Most likely \\*RethinkDB\\* \\(0\\.\\d\\d\\).*"), second.path("text").asText());

        // a direct message: answered in its own thread
        signed("/slack/events", JSON_TYPE, envelope("Ev0DIRECT1",
                message("D024BE91L", "im", "U2147483697", "1355517523.000005", null, "the redis request queue keeps growing")));
        posts = slack.await(SlackAdapterTest::isPost, 3, WAIT);
        JsonNode dm = posts.get(2).body();
        assertEquals("D024BE91L", dm.path("channel").asText());
        assertEquals("1355517523.000005", dm.path("thread_ts").asText());
        assertTrue(idle());
        assertEquals(3, slack.posts().size());
    }

    @Test
    void typed_markup_is_escaped_and_cannot_ping_anyone() throws Exception {
        signed("/slack/events", JSON_TYPE, envelope("Ev0ESCAPE1", mention("1515449522.000016", null,
                "<@U0LAN0Z89> <!channel> the &lt;frobnicator&gt; &amp; <https://example.com|the widget> are sad")));
        JsonNode m = slack.await(SlackAdapterTest::isPost, 1, WAIT).get(0).body();
        String all = m.path("text").asText() + String.join("\n", sectionTexts(m));
        assertTrue(all.contains("&lt;frobnicator&gt; &amp; the widget"), all);
        assertFalse(all.contains("<!") || all.contains("<@") || all.contains("<http"), all);
    }

    @Test
    void the_slash_command_answers_within_3_seconds_for_the_person_who_asked() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = signed("/slack/commands", FORM, command("nobody can log in to backoffice", slack.hook("cmd-1")));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(ms < 3000, "answered in " + ms + " ms");
        JsonNode m = JSON.readTree(r.body());
        assertEquals("ephemeral", m.path("response_type").asText());
        assertTrue(m.path("text").asText().contains("RethinkDB"), r.body());
        assertTrue(r.body().contains("slack:T0001:C2147483705:u:U2147483697"), "the buttons carry this person's conversation");

        // the same person's next /triage continues that conversation
        r = signed("/slack/commands", FORM, command("yes", slack.hook("cmd-2")));
        assertTrue(JSON.readTree(r.body()).path("text").asText().matches("(?s)Most likely \\*RethinkDB\\* \\(0\\.\\d\\d\\).*"), r.body());
        assertTrue(idle());
        assertEquals(List.of(), slack.calls(), "answered in the response itself");
    }

    @Test
    void a_slow_answer_to_the_slash_command_follows_through_its_response_url() throws Exception {
        stopServer();
        serve(Duration.ofSeconds(5), Duration.ofMillis(200), 1);
        CountDownLatch hold = new CountDownLatch(1);
        chat.submit(() -> { // the only worker is busy, so the command cannot be answered in time
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String hook = slack.hook("commands/T0001/397700885554/96rGlfmibIGlgcZRskXaIFfN");
        HttpResponse<String> r = signed("/slack/commands", FORM, command("nobody can log in to backoffice", hook));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).path("text").asText().startsWith("Still thinking"), r.body());
        hold.countDown();
        JsonNode later = slack.await(c -> c.path().equals(URI.create(hook).getPath()), 1, WAIT).get(0).body();
        assertEquals("ephemeral", later.path("response_type").asText());
        assertTrue(later.path("text").asText().contains("RethinkDB"), later.toString());
    }

    @Test
    void ssl_check_is_answered_without_a_signature() throws Exception {
        HttpResponse<String> r = send("/slack/commands", FORM, "ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO", Map.of());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void a_button_click_answers_the_question_and_replaces_the_buttons() throws Exception {
        String ts = "1515449522.000016";
        signed("/slack/events", JSON_TYPE, envelope("Ev0BUTTON1", mention(ts, null, "<@U0LAN0Z89> nobody can log in")));
        JsonNode asked = slack.await(SlackAdapterTest::isPost, 1, WAIT).get(0).body();
        assertTrue(idle());

        String hook = slack.hook("1232321423432/D09sSasdasdAS9091209");
        long t0 = System.nanoTime();
        HttpResponse<String> r = signed("/slack/interactions", FORM, click(asked, SlackBlocks.YES, "1515449600.000200", hook));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000, "acknowledged at once");

        List<SlackStandIn.Call> replaced = slack.await(c -> c.path().equals(URI.create(hook).getPath()), 1, WAIT);
        JsonNode update = replaced.get(0).body();
        assertTrue(update.path("replace_original").asBoolean(), update.toString());
        for (JsonNode b : update.path("blocks")) assertFalse(b.path("type").asText().equals("actions"), "buttons gone: " + update);
        String recorded = String.join("\n", sectionTexts(update));
        assertTrue(recorded.contains("<@" + PERSON + "> answered *Yes*"), recorded);
        assertTrue(recorded.contains("Are requests reaching the services?"), "the question stays: " + recorded);

        List<SlackStandIn.Call> posts = slack.await(SlackAdapterTest::isPost, 2, WAIT);
        JsonNode next = posts.get(1).body();
        assertEquals(ts, next.path("thread_ts").asText());
        assertTrue(next.path("text").asText().matches("(?s)Most likely \\*RethinkDB\\* \\(0\\.\\d\\d\\).*"), next.path("text").asText());
        assertTrue(idle());

        // a double click changes nothing; a click on an old question says it is no longer open
        signed("/slack/interactions", FORM, click(asked, SlackBlocks.NO, "1515449600.000200", hook));
        String oldHook = slack.hook("old");
        signed("/slack/interactions", FORM, click(asked, SlackBlocks.NO, "1515449599.000100", oldHook));
        JsonNode stale = slack.await(c -> c.path().equals(URI.create(oldHook).getPath()), 1, WAIT).get(0).body();
        assertTrue(String.join("\n", sectionTexts(stale)).contains("no longer open"), stale.toString());
        assertTrue(idle());
        assertEquals(2, slack.posts().size(), "no further turn");
        assertEquals(1, slack.calls(URI.create(hook).getPath()).size());
        var state = store.load("slack:" + TEAM + ":" + CHANNEL + ":" + ts).orElseThrow();
        assertEquals(2, state.turns());
        assertEquals("rethinkdb-healthy", state.lastAsked(), "strong: RethinkDB's own check is open before it settles");
    }

    @Test
    void a_failed_post_is_retried_and_delivered_once() throws Exception {
        slack.script("/api/chat.postMessage", new SlackStandIn.Script(500, "{\"ok\":false,\"error\":\"internal_error\"}", 0),
                new SlackStandIn.Script(503, "{\"ok\":false,\"error\":\"service_unavailable\"}", 0));
        signed("/slack/events", JSON_TYPE, envelope("Ev0FLAKY01", mention("1515449522.000016", null, "<@U0LAN0Z89> nobody can log in")));
        slack.await(SlackAdapterTest::isPost, 3, WAIT);
        assertTrue(idle());
        List<SlackStandIn.Call> posts = slack.posts();
        assertEquals(3, posts.size(), "two 5xx, then delivered");
        assertEquals(posts.get(0).rawBody(), posts.get(2).rawBody(), "the same message each time");
    }

    @Test
    void a_post_that_keeps_failing_stops_after_the_bounded_tries_and_one_that_may_have_landed_at_once() throws Exception {
        SlackStandIn.Script down = new SlackStandIn.Script(503, "{\"ok\":false,\"error\":\"service_unavailable\"}", 0);
        slack.script("/api/chat.postMessage", down, down, down);
        signed("/slack/events", JSON_TYPE, envelope("Ev0DOWN001", mention("1515449522.000016", null, "<@U0LAN0Z89> login fails")));
        slack.await(SlackAdapterTest::isPost, 3, WAIT);
        assertTrue(idle());
        assertEquals(3, slack.posts().size(), "three tries, no more");

        slack.script("/api/chat.postMessage", new SlackStandIn.Script(200, "{\"ok\":false,\"error\":\"channel_not_found\"}", 0));
        signed("/slack/events", JSON_TYPE, envelope("Ev0GONE001", mention("1515449523.000016", null, "<@U0LAN0Z89> login fails")));
        slack.await(SlackAdapterTest::isPost, 4, WAIT);
        assertTrue(idle());
        assertEquals(4, slack.posts().size(), "a channel that is gone is not tried again");

        // Slack's own words: "it's possible some aspect of the operation succeeded"
        slack.script("/api/chat.postMessage", new SlackStandIn.Script(200, "{\"ok\":false,\"error\":\"fatal_error\"}", 0));
        signed("/slack/events", JSON_TYPE, envelope("Ev0FATAL01", mention("1515449524.000016", null, "<@U0LAN0Z89> login fails")));
        slack.await(SlackAdapterTest::isPost, 5, WAIT);
        assertTrue(idle());
        assertEquals(5, slack.posts().size(), "a post that may have landed is not tried again");
    }

    @Test
    void a_slow_post_is_given_up_on_and_never_posted_twice() throws Exception {
        stopServer();
        serve(Duration.ofMillis(300), Duration.ofMillis(2500), 2);
        slack.script("/api/chat.postMessage", new SlackStandIn.Script(200, "{\"ok\":true}", 1200));
        signed("/slack/events", JSON_TYPE, envelope("Ev0SLOW001", mention("1515449522.000016", null, "<@U0LAN0Z89> login fails")));
        slack.await(SlackAdapterTest::isPost, 1, WAIT);  // recorded once answered, 1.2 s in: a retry would be in by now
        assertTrue(idle());
        assertEquals(1, slack.posts().size(), "timed out after 300 ms, but it may have landed: posted exactly once");
    }

    @Test
    void a_rate_limited_post_waits_for_retry_after_then_goes_out() throws Exception {
        slack.script("/api/chat.postMessage", new SlackStandIn.Script(429, "{\"ok\":false,\"error\":\"ratelimited\"}", 0,
                Map.of("Retry-After", "1")));
        signed("/slack/events", JSON_TYPE, envelope("Ev0LIMIT01", mention("1515449522.000016", null, "<@U0LAN0Z89> login fails")));
        List<SlackStandIn.Call> posts = slack.await(SlackAdapterTest::isPost, 2, WAIT);
        assertTrue(idle());
        assertEquals(2, slack.posts().size(), "limited once, then delivered");
        long waited = (posts.get(1).receivedAt() - posts.get(0).receivedAt()) / 1_000_000;
        assertTrue(waited >= 950, "waited the 1 s Slack asked for, not the 20 ms backoff: " + waited + " ms");
    }

    @Test
    void a_slow_response_url_does_not_hold_up_the_next_slash_command() throws Exception {
        stopServer();
        serve(Duration.ofSeconds(5), Duration.ofMillis(2500), 1);
        String ts = "1515449522.000016";
        signed("/slack/events", JSON_TYPE, envelope("Ev0HOLDUP1", mention(ts, null, "<@U0LAN0Z89> nobody can log in")));
        JsonNode asked = slack.await(SlackAdapterTest::isPost, 1, WAIT).get(0).body();
        assertTrue(idle());
        String hook = slack.hook("slow/T061EG9R6/replace");
        slack.script(URI.create(hook).getPath(), new SlackStandIn.Script(200, "ok", 4000));
        assertEquals(200, signed("/slack/interactions", FORM, click(asked, SlackBlocks.YES, "1515449600.000200", hook)).statusCode());
        // the click is answered (the only chat worker took it); its buttons now go to a response_url that takes 4 s
        long until = System.nanoTime() + WAIT.toNanos();
        while (store.load("slack:" + TEAM + ":" + CHANNEL + ":" + ts).orElseThrow().turns() < 2) {
            assertTrue(System.nanoTime() < until, "the click was not answered");
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> r = signed("/slack/commands", FORM, command("nobody can log in to backoffice", slack.hook("cmd-fast")));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).path("text").asText().contains("RethinkDB"), "answered, not 'still thinking': " + r.body());
        assertTrue(ms < 2500, "answered in " + ms + " ms");
        assertTrue(idle());
        assertEquals(1, slack.calls(URI.create(hook).getPath()).size(), "the slow replacement went out once");
    }

    @Test
    void bad_input_gets_a_clear_4xx_and_never_a_stack_trace() throws Exception {
        assertError(signed("/slack/events", JSON_TYPE, "{not json"), 400);
        assertError(signed("/slack/events", JSON_TYPE, "[1, 2]"), 400);
        assertError(signed("/slack/events", JSON_TYPE, "{\"type\":\"event_callback\",\"event\":{}}"), 400);
        assertError(signed("/slack/events", "text/plain", "{\"type\":\"url_verification\",\"challenge\":\"x\"}"), 415);
        assertError(signed("/slack/commands", JSON_TYPE, "{}"), 415);
        assertError(signed("/slack/commands", FORM, "text=hello&team_id=T0001"), 400);
        assertError(signed("/slack/interactions", FORM, "nothing=here"), 400);
        assertError(signed("/slack/interactions", FORM, "payload=" + enc("{oops")), 400);
        String foreign = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0001\"},\"container\":{\"channel_id\":\"C1\"},"
                + "\"response_url\":\"https://hooks.slack.com/actions/x\",\"actions\":[{\"action_id\":\"triage_yes\","
                + "\"value\":\"{\\\"c\\\":\\\"slack:T0002:C9:1.2\\\",\\\"q\\\":\\\"login-works\\\",\\\"a\\\":\\\"yes\\\"}\"}]}";
        assertError(signed("/slack/interactions", FORM, "payload=" + enc(foreign)), 400);
        assertError(signed("/slack/events", JSON_TYPE, "{\"pad\":\"" + "a".repeat(70_000) + "\"}"), 413);
        assertTrue(idle());
        assertEquals(List.of(), slack.calls());
    }

    @Test
    void a_thread_broadcast_and_a_file_share_from_a_person_are_answered() throws Exception {
        String ts = "1515449522.000016";
        signed("/slack/events", JSON_TYPE, envelope("Ev0BCAST1", mention(ts, null, "<@U0LAN0Z89> nobody can log in")));
        slack.await(SlackAdapterTest::isPost, 1, WAIT);
        assertTrue(chat.awaitIdle(WAIT));
        ObjectNode broadcast = message(CHANNEL, "channel", PERSON, "1515449530.000100", ts, "yes, they show up");
        broadcast.put("subtype", "thread_broadcast");
        signed("/slack/events", JSON_TYPE, envelope("Ev0BCAST2", broadcast));
        List<SlackStandIn.Call> posts = slack.await(SlackAdapterTest::isPost, 2, WAIT);
        assertEquals(ts, posts.get(1).body().path("thread_ts").asText());

        ObjectNode file = message("D024BE91L", "im", "U2147483697", "1355517523.000005", null, "the redis request queue keeps growing");
        file.put("subtype", "file_share");
        signed("/slack/events", JSON_TYPE, envelope("Ev0FILE1", file));
        posts = slack.await(SlackAdapterTest::isPost, 3, WAIT);
        assertEquals("D024BE91L", posts.get(2).body().path("channel").asText());
        assertTrue(chat.awaitIdle(WAIT));
    }

    @Test
    void fifty_thousand_angle_brackets_are_read_in_linear_time() {
        for (String flood : new String[] {"<".repeat(50_000) + "login fails", "<@".repeat(50_000) + ">",
                "<a:".repeat(30_000) + "|x", "<@U1>".repeat(20_000) + "login fails"}) {
            long t0 = System.nanoTime();
            SlackText.plain(flood);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 1000, ms + " ms for " + flood.length() + " characters");
        }
        assertEquals("login fails in #general see docs @here <3 x <b>",
                SlackText.plain("<@U0LAN0Z89> login fails in <#C024BE7LR|general> see <https://x.y|docs> <!here> &lt;3 x <b>"));
        assertEquals("<<< <https://a.b>", SlackText.plain("<<< &lt;https://a.b&gt;"));
    }
}
