package triage.alerts;

import org.junit.jupiter.api.Test;
import triage.app.App;
import triage.app.Config;
import triage.testing.RedisServer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end with the real Alertmanager: alerts pushed to its API, grouped and delivered by it to
 * Triage's webhook (with the API token), and the Slack stand-in's record of what Triage posted.
 */
class AlertmanagerIT {
    private static final String TOKEN = "am-it-token";
    private static final String CHANNEL = "C0ONCALL";

    private static Map<String, String> env(String probedRedis, String store, String slackApi) {
        Map<String, String> env = new HashMap<>(Map.of("TRIAGE_API_TOKEN", TOKEN, "SLACK_BOT_TOKEN", "xoxb-it",
                "SLACK_API_URL", slackApi, "TRIAGE_ALERTS_SLACK_CHANNEL", CHANNEL,
                "TRIAGE_PROBE_REDIS", probedRedis, "TRIAGE_PROBE_ETCD", "off", "TRIAGE_PROBE_RETHINKDB", "off",
                "TRIAGE_PROBE_ELASTICSEARCH", "off", "TRIAGE_PROBE_DNS", "off", "TRIAGE_PROBE_CACHE_MS", "0"));
        if (store != null) env.put("TRIAGE_REDIS_URL", store);
        String cache = System.getenv("TRIAGE_CACHE");
        if (cache != null) env.put("TRIAGE_CACHE", cache);
        return env;
    }

    private static App app(Map<String, String> env) throws Exception {
        return App.start(Config.from(new Config.Flags(null, null, 0, null, false, null, null), env, null));
    }

    private static String webhook(App app) { return "http://127.0.0.1:" + app.port() + AlertRoutes.PATH; }

    /** One alert as Prometheus pushes it; {@code endsAt} in the past resolves it. */
    private static String alert(String name, Map<String, String> labels, String summary, Instant endsAt) {
        StringBuilder l = new StringBuilder("{\"alertname\":\"" + name + "\"");
        labels.forEach((k, v) -> l.append(",\"").append(k).append("\":\"").append(v).append('"'));
        l.append('}');
        return "[{\"labels\":" + l + ",\"annotations\":{\"summary\":\"" + summary + "\"},\"startsAt\":\""
                + Instant.now().minusSeconds(60) + "\"" + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"")
                + ",\"generatorURL\":\"http://prometheus.example/graph\"}]";
    }

    @Test
    void redis_really_down_gives_one_thread_naming_redis_and_its_resolve_updates_it() throws Exception {
        long t0 = System.nanoTime();
        try (SlackRecorder slack = new SlackRecorder(); RedisServer stackRedis = RedisServer.start();
             App app = app(env(stackRedis.url(), null, slack.api()));
             Alertmanager am = Alertmanager.start(List.of(webhook(app)), TOKEN)) {
            System.out.println("alertmanager IT: triage and alertmanager up after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            // a service that has been running: its live-check client loaded and used once, Redis up then
            app.triage().answer(triage.engine.Said.text("is redis ok").checking(true));
            stackRedis.stop();  // really stopped: the live check finds nothing listening
            long pushed = System.nanoTime();
            am.push(alert("RedisDown", Map.of("instance", "redis:9121", "severity", "critical"),
                    "Redis instance redis:9121 is not answering", null));
            SlackRecorder.Call root = slack.await(SlackRecorder.Call::root, 1, Duration.ofSeconds(20)).get(0);
            while (app.alerts().posted().isEmpty()) Thread.sleep(5);  // recorded once Slack has answered
            long sinceSend = app.alerts().posted().get(0).millis();
            long sincePush = (root.receivedAt() - pushed) / 1_000_000;
            System.out.println("alertmanager IT: thread posted " + sinceSend + " ms after Alertmanager's notification arrived ("
                    + sincePush + " ms after the push)");
            assertTrue(sinceSend < 5000, "within 5 s of Alertmanager's send: " + sinceSend + " ms");
            assertEquals(CHANNEL, root.body().path("channel").asText());
            assertTrue(root.text().contains("Firing: RedisDown (1 alert)"), root.text());
            assertTrue(root.text().contains("Most likely Redis failure"), root.text());
            assertTrue(root.text().contains("(live check)"), "the live check is the evidence: " + root.text());
            assertTrue(root.text().contains("Live checks: redis down") || root.text().contains("Live checks: redis timeout"), root.text());
            String ts = "1700000000.000001";
            SlackRecorder.Call turn = slack.await(c -> c.inThread(ts), 1, Duration.ofSeconds(10)).get(0);
            assertTrue(turn.text().contains("Redis"), turn.text());
            assertTrue(app.conversations().knows("slack:" + SlackRecorder.TEAM + ":" + CHANNEL + ":" + ts),
                    "replies in the thread carry on the alert's conversation");

            // an unrelated alert: its own group, delivered, and nothing posted
            am.push(alert("PrinterPaper", Map.of("floor", "3"), "the office printer needs paper", null));
            // resolved: Alertmanager sends the group again, resolved
            am.push(alert("RedisDown", Map.of("instance", "redis:9121", "severity", "critical"),
                    "Redis instance redis:9121 is not answering", Instant.now().minusSeconds(1)));
            SlackRecorder.Call update = slack.await(c -> c.method().equals("chat.update"), 1, Duration.ofSeconds(20)).get(0);
            assertEquals(ts, update.body().path("ts").asText(), "the same thread");
            assertTrue(update.text().contains("Resolved: RedisDown"), update.text());
            slack.await(c -> c.inThread(ts) && c.text().contains("Resolved"), 1, Duration.ofSeconds(10));
            Thread.sleep(2500);  // past the printer group's group_wait and group_interval
            assertTrue(am.log().contains("PrinterPaper"), "Alertmanager had the unrelated alert");
            assertEquals(1, slack.roots().size(), "one thread in all: " + slack.roots());
        }
    }

    @Test
    void three_instances_behind_one_alertmanager_post_once() throws Exception {
        try (SlackRecorder slack = new SlackRecorder(); RedisServer store = RedisServer.start();
             RedisServer stackRedis = RedisServer.start()) {
            stackRedis.stop();
            List<App> apps = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) apps.add(app(env(stackRedis.url(), store.url(), slack.api())));
                try (Alertmanager am = Alertmanager.start(apps.stream().map(AlertmanagerIT::webhook).toList(), TOKEN)) {
                    am.push(alert("RedisDown", Map.of("instance", "redis:9121"), "Redis instance redis:9121 is not answering", null));
                    slack.await(SlackRecorder.Call::root, 1, Duration.ofSeconds(20));
                    am.push(alert("RedisDown", Map.of("instance", "redis:9121"), "Redis instance redis:9121 is not answering",
                            Instant.now().minusSeconds(1)));
                    slack.await(c -> c.method().equals("chat.update"), 1, Duration.ofSeconds(20));
                    Thread.sleep(3000);  // every instance has had both notifications
                    assertEquals(1, slack.roots().size(), "three instances, one thread: " + slack.roots());
                    assertEquals(1, slack.calls().stream().filter(c -> c.method().equals("chat.update")).count(),
                            "and one update: " + slack.calls());
                    int delivered = 0;
                    for (String line : am.log().split("\n")) if (line.contains("Notify success")) delivered++;
                    assertTrue(delivered >= 6, "Alertmanager delivered each notification to all three: " + delivered);
                }
            } finally {
                for (App a : apps) a.close();
            }
        }
    }
}
