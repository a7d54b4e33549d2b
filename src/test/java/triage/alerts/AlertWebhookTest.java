package triage.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.chat.MemoryDeduplicator;
import triage.chat.slack.SlackAdapter;
import triage.chat.slack.SlackAlertThreads;
import triage.conversation.Conversations;
import triage.engine.Triage;
import triage.http.HttpServer;
import triage.testing.Servers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static triage.alerts.Payloads.alert;
import static triage.alerts.Payloads.webhook;

/**
 * The webhook as Alertmanager calls it, against the app as built with a Slack stand-in: one thread
 * per group, updated by later notifications; bad payloads get a 4xx and post nothing.
 */
class AlertWebhookTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "am-token";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SlackRecorder slack;
    private AlertDesk desk;
    private Javalin app;
    private Conversations conversations;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackRecorder();
        Triage triage = Fixtures.triage();
        conversations = Servers.conversations(triage);
        MemoryDeduplicator seen = new MemoryDeduplicator(1000, Duration.ofHours(1), Clock.systemUTC());
        desk = new AlertDesk(triage, conversations, () -> AlertMap.load(Fixtures.KNOWLEDGE),
                new SlackAlertThreads(SlackAdapter.Settings.of(null, "xoxb-alerts", slack.api()), "C0ALERTS", JSON),
                AlertGroups.memory(100), new Claims() {
                    @Override public boolean claim(String key) { return seen.firstSeen(key); }
                    @Override public void release(String key) { seen.forget(key); }
                }, 2, 10);
        app = Servers.http(triage, conversations, HttpServer.Options.of(TOKEN)
                .withChat(List.of(new AlertRoutes(desk, JSON).routes()))).create().start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        desk.close();
        slack.close();
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + AlertRoutes.PATH))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final Map<String, String> REDIS = Map.of("alertname", "RedisDown", "instance", "redis:9121", "severity", "critical");

    @Test
    void a_firing_group_starts_one_thread_and_its_resolve_updates_it() throws Exception {
        String firing = webhook("firing", "{}:{alertname=\"RedisDown\"}", alert("firing", "a1b2c3", REDIS,
                Map.of("summary", "Redis instance redis:9121 is down")));
        HttpResponse<String> r = post(firing, TOKEN);
        assertEquals(202, r.statusCode(), r.body());
        SlackRecorder.Call root = slack.await(SlackRecorder.Call::root, 1, Duration.ofSeconds(10)).get(0);
        assertEquals("C0ALERTS", root.body().path("channel").asText());
        assertEquals("Bearer xoxb-alerts", root.authorization());
        assertTrue(root.text().contains("Firing: RedisDown (1 alert)"), root.text());
        assertTrue(root.text().contains("Most likely Redis failure"), root.text());
        String ts = "1700000000.000001";
        SlackRecorder.Call reply = slack.await(c -> c.inThread(ts), 1, Duration.ofSeconds(10)).get(0);
        assertTrue(reply.text().contains("Redis"), reply.text());
        String conversation = "slack:" + SlackRecorder.TEAM + ":C0ALERTS:" + ts;
        assertTrue(conversations.knows(conversation), "the thread is a conversation people can answer in");
        assertTrue(conversations.handle(conversation, "why?").diagnosis().top().component().equals("redis"));

        // Alertmanager repeats the same notification: nothing new
        assertEquals(202, post(firing, TOKEN).statusCode());
        Thread.sleep(300);
        assertEquals(1, slack.roots().size());

        String resolved = webhook("resolved", "{}:{alertname=\"RedisDown\"}", alert("resolved", "a1b2c3", REDIS, Map.of()));
        assertEquals(202, post(resolved, TOKEN).statusCode());
        SlackRecorder.Call update = slack.await(c -> c.method().equals("chat.update"), 1, Duration.ofSeconds(10)).get(0);
        assertEquals(ts, update.body().path("ts").asText());
        assertTrue(update.text().contains("Resolved: RedisDown"), update.text());
        slack.await(c -> c.inThread(ts) && c.text().contains("Resolved"), 1, Duration.ofSeconds(10));
        assertEquals(1, slack.roots().size(), "updated, not posted again");
    }

    @Test
    void an_alert_joining_the_group_is_said_in_the_thread() throws Exception {
        String key = "{}:{alertname=\"KubePodCrashLooping\"}";
        Map<String, String> web1 = Map.of("alertname", "KubePodCrashLooping", "container", "mainstack-web", "pod", "web-1");
        Map<String, String> web2 = Map.of("alertname", "KubePodCrashLooping", "container", "mainstack-web", "pod", "web-2");
        assertEquals(202, post(webhook("firing", key, alert("firing", "f1", web1, Map.of())), TOKEN).statusCode());
        slack.await(SlackRecorder.Call::root, 1, Duration.ofSeconds(10));
        assertEquals(202, post(webhook("firing", key, alert("firing", "f1", web1, Map.of()), alert("firing", "f2", web2, Map.of())),
                TOKEN).statusCode());
        SlackRecorder.Call joined = slack.await(c -> c.text().contains("Joined the group"), 1, Duration.ofSeconds(10)).get(0);
        assertTrue(joined.text().contains("web-2"), joined.text());
        SlackRecorder.Call update = slack.await(c -> c.method().equals("chat.update"), 1, Duration.ofSeconds(10)).get(0);
        assertTrue(update.text().contains("(2 alerts)"), update.text());
        assertEquals(1, slack.roots().size());
    }

    @Test
    void an_unrelated_alert_posts_nothing() throws Exception {
        assertEquals(202, post(webhook("firing", "{}:{alertname=\"PrinterOutOfToner\"}", alert("firing", "p1",
                Map.of("alertname", "PrinterOutOfToner", "floor", "3"), Map.of("summary", "the office printer needs paper"))),
                TOKEN).statusCode());
        Thread.sleep(1000);
        assertEquals(List.of(), slack.calls());
    }

    @Test
    void bad_payloads_get_a_4xx_and_post_nothing() throws Exception {
        String good = webhook("firing", "g", alert("firing", "a1", REDIS, Map.of()));
        Map<String, Integer> bad = new java.util.LinkedHashMap<>();
        bad.put(good.replace("\"version\":\"4\"", "\"version\":\"3\""), 400);
        bad.put(good.replace("\"version\":\"4\",", ""), 400);
        bad.put(good.replace("\"groupKey\":\"g\",", ""), 400);
        bad.put(good.replace("\"groupKey\":\"g\"", "\"groupKey\":\" \""), 400);
        bad.put(good.replace("\"status\":\"firing\",\"alerts\"", "\"status\":\"burning\",\"alerts\""), 400);
        bad.put(good.replace("\"fingerprint\":\"a1\"", "\"fingerprint\":7"), 400);
        bad.put(good.replace("\"fingerprint\":\"a1\"", "\"fingerprint\":\"../../x\""), 400);
        bad.put(good.replace("\"alertname\":\"RedisDown\",", "").replace("\"alertname\":\"RedisDown\"", "\"x\":\"y\""), 400);
        bad.put(good.replace("\"labels\":{", "\"labels\":{\"n\":1,"), 400);
        bad.put("{\"version\":\"4\",\"status\":\"firing\",\"groupKey\":\"g\",\"alerts\":[]}", 400);
        bad.put("{\"version\":\"4\",\"status\":\"firing\",\"groupKey\":\"g\",\"alerts\":{}}", 400);
        bad.put("[]", 400);
        bad.put("{\"version\":", 400);
        Payloads.A[] many = new Payloads.A[Notification.MAX_ALERTS + 1];
        for (int i = 0; i < many.length; i++) many[i] = alert("firing", "f" + i, Map.of("alertname", "RedisDown"), Map.of());
        bad.put(webhook("firing", "huge", many), 400);
        Payloads.A[] huge = new Payloads.A[60];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = alert("firing", "h" + i, Map.of("alertname", "RedisDown"), Map.of("description", "x".repeat(2000)));
        }
        bad.put(webhook("firing", "bytes", huge), 413);
        for (var e : bad.entrySet()) {
            HttpResponse<String> r = post(e.getKey(), TOKEN);
            assertEquals(e.getValue(), r.statusCode(), e.getKey().substring(0, Math.min(200, e.getKey().length())) + " -> " + r.body());
            assertTrue(JSON.readTree(r.body()).has("error"), r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }
        assertEquals(401, post(good, null).statusCode());
        assertEquals(401, post(good, "wrong").statusCode());
        Thread.sleep(500);
        assertEquals(List.of(), slack.calls(), "nothing posted for a bad or unauthorised payload");
    }
}
