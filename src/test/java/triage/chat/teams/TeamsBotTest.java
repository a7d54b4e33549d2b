package triage.chat.teams;

import triage.testing.Fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import triage.chat.ChatServer;
import triage.chat.ChatService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Teams bot end to end: activities shaped as Teams sends them, with tokens signed by a test key
 * published through a local OpenID metadata document and JWKS, through the real HTTP server and
 * conversation engine, replied to a local stand-in for the Bot Connector that records what it is sent.
 */
class TeamsBotTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERSONAL = "a:1Xb2VZsA0hLCUtNHSvjl8jqWIKhOX3QpjnjSa9vV3iXbPnzuL1JHiB5B5wqgkTBUwO7Rsq9YB9Sd6OpvjE0rX2BdIY";
    private static final String CHANNEL = "19:4b3d9f0c2e5a4f1b8c7d6e5f4a3b2c1d@thread.tacv2";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private BotFrameworkStandIn microsoft;
    private ChatServer server;
    private ChatService chat;
    private TeamsBot bot;
    private int ids;

    @BeforeAll
    static void warmUp() {
        ChatServer.triage();
    }

    @BeforeEach
    void start() throws Exception {
        microsoft = BotFrameworkStandIn.start();
        server = ChatServer.start(2, parts -> {
            bot = new TeamsBot(new TeamsBot.Settings(BotFrameworkStandIn.APP_ID, BotFrameworkStandIn.PASSWORD,
                    URI.create(microsoft.metadataUrl()), URI.create(microsoft.tokenUrl()), Duration.ofSeconds(2),
                    Duration.ofSeconds(3), 3, Duration.ofMillis(20), Duration.ZERO), parts);
            return bot.routes();
        });
        chat = server.chat;
    }

    @AfterEach
    void stop() {
        server.close();
        bot.close();
        microsoft.close();
    }

    private boolean idle() throws InterruptedException {
        return chat.awaitIdle(WAIT) && bot.awaitSent(WAIT);
    }

    private HttpResponse<String> post(JsonNode activity, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + "/teams/messages")).timeout(WAIT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(activity.toString()));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(JsonNode activity) throws Exception {
        return post(activity, microsoft.token(activity.path("serviceUrl").asText()));
    }

    private String id() { return "1700000000" + String.format("%03d", ++ids); }

    private static JsonNode card(BotFrameworkStandIn.Reply r) {
        JsonNode att = r.body().path("attachments").path(0);
        assertEquals(TeamsCards.CARD, att.path("contentType").asText(), r.body().toString());
        return att.path("content");
    }

    /** The data of the card's button titled {@code title}. */
    private static JsonNode button(JsonNode card, String title) {
        for (JsonNode a : card.path("actions")) {
            if (a.path("title").asText().equals(title)) {
                assertEquals("Action.Submit", a.path("type").asText());
                return a.path("data");
            }
        }
        throw new AssertionError("no button '" + title + "' in " + card);
    }

    private static String text(JsonNode card) {
        StringBuilder b = new StringBuilder();
        for (JsonNode block : card.path("body")) {
            b.append(block.path("text").asText("")).append('\n');
            for (JsonNode f : block.path("facts")) b.append(f.path("title").asText()).append(' ').append(f.path("value").asText()).append('\n');
        }
        return b.toString();
    }

    private static void assertRefused(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).get("error").isTextual(), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    // ---- authentication ---------------------------------------------------------------------------

    @Test
    void a_signed_message_in_a_1_1_chat_is_answered_with_a_card_through_the_connector() throws Exception {
        String id = id();
        ObjectNode a = microsoft.message(id, PERSONAL, "personal", "nobody can log in");
        long sent = System.nanoTime();
        assertEquals(202, post(a).statusCode());
        BotFrameworkStandIn.Reply r = microsoft.await(x -> true, 1, WAIT).get(0);
        System.out.println("teams bot: event received to reply posted: " + (r.receivedAt() - sent) / 1_000_000 + " ms");
        assertEquals(PERSONAL, r.conversationId());
        assertEquals(id, r.replyTo());
        assertEquals("Bearer connector-token-1", r.authorization());
        assertEquals("message", r.body().path("type").asText());
        assertEquals(id, r.body().path("replyToId").asText());
        assertEquals("28:" + BotFrameworkStandIn.APP_ID, r.body().path("from").path("id").asText());
        JsonNode card = card(r);
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertTrue(text(card).contains("confidence"), text(card));
        for (String b : List.of("Yes", "No", "Not sure", "Why?")) assertNotNull(button(card, b));
        // the client-credentials request: the bot's id and secret, the Bot Framework scope
        String form = microsoft.tokenRequests().get(0);
        assertTrue(form.contains("grant_type=client_credentials") && form.contains("client_id=" + BotFrameworkStandIn.APP_ID)
                && form.contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default"), form);
    }

    @Test
    void forged_expired_and_misaddressed_tokens_are_refused_and_the_activity_is_not_read() throws Exception {
        Instant now = Instant.now();
        String url = microsoft.serviceUrl();
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("expired", BotFrameworkStandIn.sign(microsoft.key,
                BotFrameworkStandIn.claims(BotFrameworkStandIn.APP_ID, BotFrameworkAuth.ISSUER, now.minusSeconds(7200), now.minusSeconds(600), url)));
        bad.put("not yet valid", BotFrameworkStandIn.sign(microsoft.key,
                BotFrameworkStandIn.claims(BotFrameworkStandIn.APP_ID, BotFrameworkAuth.ISSUER, now.plusSeconds(600), now.plusSeconds(4000), url)));
        bad.put("wrong audience", BotFrameworkStandIn.sign(microsoft.key,
                BotFrameworkStandIn.claims("another-bot", BotFrameworkAuth.ISSUER, now, now.plusSeconds(3600), url)));
        bad.put("wrong issuer", BotFrameworkStandIn.sign(microsoft.key,
                BotFrameworkStandIn.claims(BotFrameworkStandIn.APP_ID, "https://sts.windows.net/evil/", now, now.plusSeconds(3600), url)));
        bad.put("unknown key", BotFrameworkStandIn.sign(microsoft.unpublished,
                BotFrameworkStandIn.claims(BotFrameworkStandIn.APP_ID, BotFrameworkAuth.ISSUER, now, now.plusSeconds(3600), url)));
        bad.put("no serviceUrl claim", BotFrameworkStandIn.sign(microsoft.key,
                BotFrameworkStandIn.claims(BotFrameworkStandIn.APP_ID, BotFrameworkAuth.ISSUER, now, now.plusSeconds(3600), null)));
        bad.put("alg none", new PlainJWT(BotFrameworkStandIn.claims(BotFrameworkStandIn.APP_ID, BotFrameworkAuth.ISSUER, now,
                now.plusSeconds(3600), url)).serialize());
        // HS256 keyed with the public key's bytes: the classic algorithm confusion
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(microsoft.key.getKeyID()).build(),
                BotFrameworkStandIn.claims(BotFrameworkStandIn.APP_ID, BotFrameworkAuth.ISSUER, now, now.plusSeconds(3600), url));
        hs.sign(new MACSigner(java.util.Arrays.copyOf(microsoft.key.toPublicKey().getEncoded(), 64)));
        bad.put("HS256", hs.serialize());
        String valid = microsoft.token(url);
        bad.put("tampered signature", valid.substring(0, valid.length() - 6) + (valid.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"));
        bad.put("not a JWT", "hello");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            HttpResponse<String> r = post(microsoft.message(id(), PERSONAL, "personal", "nobody can log in"), e.getValue());
            assertEquals(401, r.statusCode(), e.getKey() + ": " + r.body());
            assertRefused(r, 401);
        }
        assertRefused(post(microsoft.message(id(), PERSONAL, "personal", "nobody can log in"), null), 401);
        // a valid token for another service URL: the activity may not send the bot's replies elsewhere
        ObjectNode elsewhere = microsoft.message(id(), PERSONAL, "personal", "nobody can log in");
        elsewhere.put("serviceUrl", "https://attacker.example/amer/");
        assertRefused(post(elsewhere, microsoft.token(url)), 403);
        // a token within the five minutes of skew is still good
        String late = BotFrameworkStandIn.sign(microsoft.key,
                BotFrameworkStandIn.claims(BotFrameworkStandIn.APP_ID, BotFrameworkAuth.ISSUER, now.minusSeconds(3600), now.minusSeconds(120), url));
        assertEquals(202, post(microsoft.message(id(), PERSONAL, "personal", "nobody can log in"), late).statusCode());
        assertTrue(idle());
        assertEquals(1, microsoft.replies().size(), "only the accepted activity is answered");
        assertEquals(1, server.store.size(), "no refused activity reached a conversation");
    }

    @Test
    void keys_are_cached_and_fetched_again_for_a_key_id_they_do_not_hold() throws Exception {
        for (int i = 0; i < 3; i++) assertEquals(202, post(microsoft.message(id(), PERSONAL, "personal", "help")).statusCode());
        assertEquals(1, microsoft.keyFetches(), "one fetch serves every token signed by a known key");
        // Microsoft rolls its keys: a token signed with the new one makes the bot fetch the list again
        microsoft.publish(microsoft.key, microsoft.rotated);
        Instant now = Instant.now();
        String rolled = BotFrameworkStandIn.sign(microsoft.rotated, BotFrameworkStandIn.claims(BotFrameworkStandIn.APP_ID,
                BotFrameworkAuth.ISSUER, now, now.plusSeconds(3600), microsoft.serviceUrl()));
        assertEquals(202, post(microsoft.message(id(), PERSONAL, "personal", "help"), rolled).statusCode());
        assertEquals(2, microsoft.keyFetches());
        assertTrue(idle());
        assertEquals(1, microsoft.tokensIssued(), "the connector token is kept between replies");
    }

    // ---- delivery -------------------------------------------------------------------------------

    @Test
    void a_repeated_activity_is_answered_once() throws Exception {
        ObjectNode a = microsoft.message(id(), PERSONAL, "personal", "nobody can log in");
        assertEquals(202, post(a).statusCode());
        assertEquals(200, post(a).statusCode());
        assertTrue(idle());
        assertEquals(1, microsoft.replies().size());
    }

    @Test
    void a_rate_limited_or_failing_connector_is_tried_again_after_retry_after() throws Exception {
        microsoft.scriptConnector(new BotFrameworkStandIn.Script(429, "{}", Map.of("Retry-After", "1")),
                new BotFrameworkStandIn.Script(503, "{}", Map.of()));
        long sent = System.nanoTime();
        assertEquals(202, post(microsoft.message(id(), PERSONAL, "personal", "nobody can log in")).statusCode());
        BotFrameworkStandIn.Reply r = microsoft.await(x -> true, 1, WAIT).get(0);
        assertTrue(r.receivedAt() - sent >= 1_000_000_000L, "waited for Retry-After");
        assertTrue(idle());
        assertEquals(1, microsoft.replies().size());
    }

    @Test
    void a_refused_token_is_fetched_again_and_an_expiring_one_is_renewed() throws Exception {
        microsoft.tokenLifetime(2);  // renewed at half its life
        assertEquals(202, post(microsoft.message(id(), PERSONAL, "personal", "help")).statusCode());
        microsoft.await(x -> true, 1, WAIT);
        Thread.sleep(1100);
        microsoft.tokenLifetime(3600);
        assertEquals(202, post(microsoft.message(id(), PERSONAL, "personal", "help")).statusCode());
        List<BotFrameworkStandIn.Reply> got = microsoft.await(x -> true, 2, WAIT);
        assertEquals("Bearer connector-token-2", got.get(1).authorization());
        // the connector refuses the token once: a new one is fetched and the reply goes out
        microsoft.scriptConnector(new BotFrameworkStandIn.Script(401, "{}", Map.of()));
        assertEquals(202, post(microsoft.message(id(), PERSONAL, "personal", "help")).statusCode());
        got = microsoft.await(x -> true, 3, WAIT);
        assertEquals("Bearer connector-token-3", got.get(2).authorization());
    }

    @Test
    void bad_activities_get_a_clear_4xx() throws Exception {
        String token = microsoft.token(microsoft.serviceUrl());
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.base + "/teams/messages"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(r, 400);
        ObjectNode noId = microsoft.message(id(), PERSONAL, "personal", "x");
        noId.remove("id");
        assertRefused(post(noId), 400);
        ObjectNode forged = microsoft.click(id(), PERSONAL, "personal", JSON.readTree("{\"triage\":{\"q\":\"x\",\"a\":\"drop tables\"}}"));
        assertRefused(post(forged), 400);
        ObjectNode update = microsoft.message(id(), PERSONAL, "personal", null);
        update.put("type", "conversationUpdate");
        assertEquals(200, post(update).statusCode());
        assertTrue(idle());
        assertEquals(0, microsoft.replies().size());
    }

    @Test
    void the_bots_mention_is_stripped_and_a_flood_of_angle_brackets_is_read_in_linear_time() throws Exception {
        ObjectNode a = microsoft.message(id(), CHANNEL + ";messageid=1700000000001", "channel",
                "<at>Triage</at>&nbsp;nobody can log in");
        assertEquals(202, post(a).statusCode());
        JsonNode card = card(microsoft.await(x -> true, 1, WAIT).get(0));
        assertFalse(text(card).contains("did not understand"), text(card));
        long t0 = System.nanoTime();
        ObjectNode flood = microsoft.message(id(), PERSONAL, "personal", "<at>".repeat(10_000) + "<".repeat(20_000) + " login fails");
        assertEquals(202, post(flood).statusCode());
        microsoft.await(x -> true, 2, WAIT);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "answered promptly");
    }

    // ---- conversations ----------------------------------------------------------------------------

    /**
     * Follows the cards from a vague complaint, clicking {@code answer} each time, until the bot
     * concludes; returns the last card.
     */
    private JsonNode converse(String conversationId, String type, String complaint) throws Exception {
        int before = microsoft.replies().size();
        assertEquals(202, post(microsoft.message(id(), conversationId, type, complaint)).statusCode());
        JsonNode card = card(microsoft.await(r -> r.conversationId().equals(conversationId), before + 1, WAIT).get(before));
        for (int turn = 0; turn < 8 && !card.path("actions").isEmpty() && hasButton(card, "Yes"); turn++) {
            int n = microsoft.await(r -> r.conversationId().equals(conversationId), 1, WAIT).size();
            String title = Fault.DATABASE.answer(button(card, "Yes").path("triage").path("q").asText()).equals("yes") ? "Yes" : "No";
            assertEquals(202, post(microsoft.click(id(), conversationId, type, button(card, title))).statusCode());
            List<BotFrameworkStandIn.Reply> got = microsoft.await(r -> r.conversationId().equals(conversationId), n + 1, WAIT);
            card = card(got.get(n));
        }
        return card;
    }

    private static boolean hasButton(JsonNode card, String title) {
        for (JsonNode a : card.path("actions")) if (a.path("title").asText().equals(title)) return true;
        return false;
    }

    @Test
    void a_vague_complaint_in_a_1_1_chat_reaches_the_database_through_button_answers() throws Exception {
        JsonNode card = converse(PERSONAL, "personal", "the app is acting weird, people are complaining");
        String said = text(card);
        assertTrue(said.startsWith("Then it is") || said.contains("\nThen it is"), said);
        assertTrue(said.toLowerCase().contains("database"), said);
        assertFalse(hasButton(card, "Yes"), "nothing left to ask");
        // why? explains from the same conversation
        int n = microsoft.replies().size();
        assertEquals(202, post(microsoft.click(id(), PERSONAL, "personal", button(card, "Why?"))).statusCode());
        JsonNode why = card(microsoft.await(r -> true, n + 1, WAIT).get(n));
        assertNotEquals(said, text(why));
    }

    @Test
    void each_channel_reply_chain_is_its_own_conversation() throws Exception {
        String thread = CHANNEL + ";messageid=1700000000100";
        String other = CHANNEL + ";messageid=1700000000200";
        assertEquals(202, post(microsoft.message(id(), other, "channel", "<at>Triage</at> the website is slow")).statusCode());
        JsonNode card = converse(thread, "channel", "<at>Triage</at> the app is acting weird, people are complaining");
        assertTrue(text(card).toLowerCase().contains("database"), text(card));
        assertTrue(idle());
        assertEquals(2, server.store.size(), "one conversation per reply chain");
        List<BotFrameworkStandIn.Reply> inOther = microsoft.replies().stream().filter(r -> r.conversationId().equals(other)).toList();
        assertEquals(1, inOther.size());
    }

    @Test
    void a_click_on_an_answered_question_does_not_answer_the_next_one() throws Exception {
        assertEquals(202, post(microsoft.message(id(), PERSONAL, "personal", "the app is acting weird, people are complaining")).statusCode());
        JsonNode first = card(microsoft.await(r -> true, 1, WAIT).get(0));
        JsonNode yes = button(first, "Yes");
        assertEquals(202, post(microsoft.click(id(), PERSONAL, "personal", yes)).statusCode());
        microsoft.await(r -> true, 2, WAIT);
        // the same card clicked again later (a new activity): that question is closed
        assertEquals(202, post(microsoft.click(id(), PERSONAL, "personal", button(first, "No"))).statusCode());
        JsonNode late = microsoft.await(r -> true, 3, WAIT).get(2).body();
        assertTrue(late.path("text").asText().contains("no longer open"), late.toString());
        // "Not sure" is an answer the conversation takes
        JsonNode second = card(microsoft.replies().get(1));
        List<String> before = new ArrayList<>(List.of(text(second)));
        assertEquals(202, post(microsoft.click(id(), PERSONAL, "personal", button(second, "Not sure"))).statusCode());
        JsonNode third = card(microsoft.await(r -> true, 4, WAIT).get(3));
        assertNotEquals(before.get(0), text(third));
    }
}
