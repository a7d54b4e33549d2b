package triage.chat.slack;

import triage.testing.Fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import triage.chat.ChatServer;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slack over Socket Mode end to end, against a local stand-in for Slack's side (a Javalin
 * WebSocket endpoint handed out by a stand-in {@code apps.connections.open}): events, slash commands
 * and button clicks as envelopes, each acknowledged before any work; a reconnect asked for in the
 * middle of a conversation; a socket dropped; an event delivered again after a late ack.
 */
class SlackSocketModeTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration PACE = Duration.ofMillis(250);
    private static final String CHANNEL = "C0LAN2Q65";
    private SlackSocketStandIn slack;
    private ChatServer server;
    private SlackAdapter adapter;
    private int envelopes;

    @BeforeAll
    static void warmUp() {
        ChatServer.triage();
    }

    @BeforeEach
    void start() {
        slack = SlackSocketStandIn.start();
        server = ChatServer.start(2, parts -> {
            adapter = new SlackAdapter(new SlackAdapter.Settings(null, "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
                    slack.api(), Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(20), Duration.ofMillis(2500),
                    SlackSocketStandIn.APP_TOKEN, PACE, Duration.ofMillis(50)), parts);
            return () -> { };  // nothing over HTTP: no signing secret
        });
        assertFalse(adapter.hasEndpoints());
        adapter.start();
    }

    @AfterEach
    void stop() {
        server.close();
        adapter.close();
        slack.close();
    }

    private String envelope() { return "env-" + (++envelopes) + "-57d6ece8-d4e4-4b5b-8b4a-1d8e4c0a9c77"; }

    private static boolean isPost(SlackSocketStandIn.Call c) { return c.path().equals("/api/chat.postMessage"); }

    private static String text(JsonNode message) { return message.toString(); }

    @Test
    void an_event_envelope_is_acknowledged_before_the_answer_is_posted_in_its_thread() throws Exception {
        SlackSocketStandIn.Socket s = slack.awaitSocket(1, WAIT);
        String env = envelope();
        long sent = slack.send(s, SlackSocketStandIn.eventsApi(env, "Ev0PV52K21", SlackSocketStandIn.mention(CHANNEL,
                "1515449522.000016", "nobody can log in"), 0));
        SlackSocketStandIn.Ack ack = slack.awaitAck(env, WAIT);
        SlackSocketStandIn.Call post = slack.await(SlackSocketModeTest::isPost, 1, WAIT).get(0);
        System.out.println("slack socket mode: event received to reply posted: " + (post.receivedAt() - sent) / 1_000_000
                + " ms (ack after " + (ack.receivedAt() - sent) / 1_000_000 + " ms)");
        assertTrue(ack.receivedAt() - sent < 3_000_000_000L, "acknowledged within Slack's 3 s");
        assertTrue(ack.receivedAt() < post.receivedAt(), "acknowledged before the work");
        assertEquals(CHANNEL, post.body().path("channel").asText());
        assertEquals("1515449522.000016", post.body().path("thread_ts").asText());
        assertEquals("Bearer xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", post.authorization());
        assertEquals(List.of("Bearer " + SlackSocketStandIn.APP_TOKEN), slack.openAuthorizations(), "the app-level token opens the socket");
    }

    @Test
    void a_vague_complaint_reaches_the_database_through_button_clicks_across_a_reconnect() throws Exception {
        SlackSocketStandIn.Socket first = slack.awaitSocket(1, WAIT);
        String thread = "1515449522.000100";
        slack.send(first, SlackSocketStandIn.eventsApi(envelope(), "Ev0PV52K31", SlackSocketStandIn.mention(CHANNEL, thread,
                "the app is acting weird, people are complaining"), 0));
        List<SlackSocketStandIn.Call> posts = slack.await(SlackSocketModeTest::isPost, 1, WAIT);
        SlackSocketStandIn.Socket socket = first;
        for (int turn = 0; turn < 8 && text(posts.get(posts.size() - 1).body()).contains(SlackBlocks.YES); turn++) {
            if (turn == 1) {
                // Slack recycles the connection mid-conversation: the new socket opens before the old one closes
                slack.disconnect(first);
                socket = slack.awaitSocket(2, WAIT);
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (first.open() && System.nanoTime() < deadline) Thread.sleep(5);
                assertFalse(first.open(), "the old socket is closed once the new one is open");
                // the server may see the new socket's upgrade and the old one's close in either order; what the bot
                // controls is that it asked for (and connected) the new one before closing the old
                assertTrue(slack.openCalledAt(2) < first.closedAt, "the new socket was asked for before the old one closed");
            }
            SlackSocketStandIn.Call last = posts.get(posts.size() - 1);
            String ts = "1515449600.00" + (1000 + slack.calls().indexOf(last) + 1);
            String env = envelope();
            String action = Fault.DATABASE.answer(question(last.body())).equals("yes") ? SlackBlocks.YES : SlackBlocks.NO;
            slack.send(socket, SlackSocketStandIn.click(env, last.body(), ts, action, slack.hook("click-" + turn)));
            assertEquals(socket.n, slack.awaitAck(env, WAIT).socket());
            posts = slack.await(SlackSocketModeTest::isPost, posts.size() + 1, WAIT);
        }
        String said = text(posts.get(posts.size() - 1).body());
        assertTrue(said.contains("Then it is") && said.toLowerCase().contains("database"), said);
        assertEquals(2, slack.opens(), "one apps.connections.open per socket");
        // each click replaced its buttons with the answer through its response_url
        assertTrue(slack.calls().stream().anyMatch(c -> c.path().startsWith("/actions/click-0")
                && c.body().path("replace_original").asBoolean()));
    }

    /** The check a posted question asks (its Yes button's value names it). */
    private static String question(JsonNode posted) throws Exception {
        for (JsonNode b : posted.path("blocks")) {
            for (JsonNode el : b.path("elements")) {
                if (el.path("action_id").asText().equals(SlackBlocks.YES)) {
                    return new ObjectMapper().readTree(el.path("value").asText()).path("q").asText();
                }
            }
        }
        throw new AssertionError("no question in " + posted);
    }

    @Test
    void a_slash_command_envelope_is_answered_through_its_response_url() throws Exception {
        SlackSocketStandIn.Socket s = slack.awaitSocket(1, WAIT);
        String env = envelope();
        slack.send(s, SlackSocketStandIn.slashCommand(env, CHANNEL, "nobody can log in", slack.hook("cmd-1")));
        slack.awaitAck(env, WAIT);
        JsonNode answer = slack.await(c -> c.path().equals("/actions/cmd-1"), 1, WAIT).get(0).body();
        assertEquals("ephemeral", answer.path("response_type").asText());
        assertTrue(answer.path("blocks").size() > 0, answer.toString());
    }

    @Test
    void an_event_delivered_again_after_a_late_ack_is_answered_once() throws Exception {
        SlackSocketStandIn.Socket s = slack.awaitSocket(1, WAIT);
        var event = SlackSocketStandIn.mention(CHANNEL, "1515449522.000200", "the website is slow");
        String a = envelope(), b = envelope();
        slack.send(s, SlackSocketStandIn.eventsApi(a, "Ev0PV52K41", event, 0));
        // Slack did not see the ack in time and delivers the event again, in a new envelope
        slack.send(s, SlackSocketStandIn.eventsApi(b, "Ev0PV52K41", event, 1));
        slack.awaitAck(a, WAIT);
        slack.awaitAck(b, WAIT);
        slack.await(SlackSocketModeTest::isPost, 1, WAIT);
        assertTrue(server.chat.awaitIdle(WAIT) && adapter.awaitSent(WAIT));
        Thread.sleep(300);
        assertEquals(1, slack.calls().stream().filter(SlackSocketModeTest::isPost).count(), "answered once");
    }

    @Test
    void a_dropped_socket_is_replaced_and_events_flow_again() throws Exception {
        SlackSocketStandIn.Socket first = slack.awaitSocket(1, WAIT);
        slack.drop(first);
        SlackSocketStandIn.Socket second = slack.awaitSocket(2, WAIT);
        String env = envelope();
        slack.send(second, SlackSocketStandIn.eventsApi(env, "Ev0PV52K51", SlackSocketStandIn.mention(CHANNEL,
                "1515449522.000300", "nobody can log in"), 0));
        assertEquals(2, slack.awaitAck(env, WAIT).socket());
        assertNotNull(slack.await(SlackSocketModeTest::isPost, 1, WAIT).get(0));
    }

    @Test
    void posts_to_one_channel_are_paced_and_a_429_waits_for_retry_after() throws Exception {
        SlackSocketStandIn.Socket s = slack.awaitSocket(1, WAIT);
        for (int i = 0; i < 3; i++) {
            slack.send(s, SlackSocketStandIn.eventsApi(envelope(), "Ev0PV52K6" + i, SlackSocketStandIn.mention(CHANNEL,
                    "1515449522.00040" + i, "nobody can log in"), 0));
        }
        List<SlackSocketStandIn.Call> posts = slack.await(SlackSocketModeTest::isPost, 3, WAIT);
        // each post leaves one PACE after the one before; the first also paid for opening the
        // connection (seconds on a loaded machine), so the gap is measured between the later two
        long gap = posts.get(2).receivedAt() - posts.get(1).receivedAt();
        assertTrue(gap >= PACE.toNanos() - 100_000_000L, "two posts " + gap / 1_000_000 + " ms apart");
        slack.failPosts(429);
        long t0 = System.nanoTime();
        slack.send(s, SlackSocketStandIn.eventsApi(envelope(), "Ev0PV52K70", SlackSocketStandIn.mention("C0OTHER01",
                "1515449522.000500", "nobody can log in"), 0));
        List<SlackSocketStandIn.Call> all = slack.await(SlackSocketModeTest::isPost, 5, WAIT);
        assertTrue(all.get(4).receivedAt() - all.get(3).receivedAt() >= 900_000_000L, "waited for Retry-After: 1");
        assertTrue(all.get(4).receivedAt() - t0 < WAIT.toNanos());
    }
}
