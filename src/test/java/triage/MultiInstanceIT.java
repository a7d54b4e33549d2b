package triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import triage.chat.teams.BotFrameworkStandIn;
import triage.testing.EtcdServer;
import triage.testing.RedisServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three {@code serve} processes behind no balancer but this test's round-robin, sharing a real
 * Redis (conversations, Slack de-duplication) and following a real etcd (runbooks).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// bounds are about 10x a quiet 2-core machine's: CI runs on a loaded one, and a hang still fails
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MultiInstanceIT {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BOT_USER = "U0LAN0Z89";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RedisServer redis;
    private EtcdServer etcd;
    private HttpServer slack;
    private BotFrameworkStandIn microsoft;
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private final List<Process> instances = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    private final List<Path> temps = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        redis = RedisServer.start();
        etcd = EtcdServer.start();
        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        slack.createContext("/", x -> {
            try (x) {
                String path = x.getRequestURI().getPath();
                String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String answer = "{\"ok\":true,\"user_id\":\"" + BOT_USER + "\",\"ts\":\"1515449600.000200\"}";
                if (path.equals("/api/chat.postMessage")) posts.add(body);
                byte[] out = answer.getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                x.sendResponseHeaders(200, out.length);
                try (OutputStream os = x.getResponseBody()) {
                    os.write(out);
                }
            }
        });
        slack.start();
        microsoft = BotFrameworkStandIn.start();
        // three JVMs started together: the 2-core machine pays for one compile each, in parallel
        List<CompletableFuture<String>> up = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Process p = serve();
            instances.add(p);
            up.add(CompletableFuture.supplyAsync(() -> listening(p)));
        }
        // a cold start of three (a compile each) takes about 30 s on a quiet machine
        for (CompletableFuture<String> f : up) bases.add(f.get(300, TimeUnit.SECONDS));
        for (String base : bases) triage.testing.ServedJar.awaitReady(base);
    }

    private Process serve() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx384m", "-jar", jar(), "serve", "--port", "0").redirectErrorStream(true);
        clearEnv(pb);
        pb.environment().putAll(Map.of("TRIAGE_REDIS_URL", redis.url(), "TRIAGE_ETCD_ENDPOINTS", etcd.endpoint(),
                "SLACK_SIGNING_SECRET", SLACK_SECRET, "SLACK_BOT_TOKEN", "xoxb-test-token",
                "SLACK_API_URL", "http://127.0.0.1:" + slack.getAddress().getPort() + "/api",
                "TRIAGE_RATE_LIMIT", "1000", "TRIAGE_RATE_BURST", "1000"));
        // three JVMs loading their sentence models at once starve a 2-core machine: a Redis command
        // may then wait past the 500 ms default, and the turn is answered without its memory (as it
        // should be); this test is about sharing that memory, so its deadline is ten times the default
        pb.environment().put("TRIAGE_REDIS_TIMEOUT_MS", "5000");
        pb.environment().putAll(Map.of("TEAMS_APP_ID", BotFrameworkStandIn.APP_ID, "TEAMS_APP_PASSWORD", BotFrameworkStandIn.PASSWORD,
                "TEAMS_OPENID_METADATA_URL", microsoft.metadataUrl(), "TEAMS_TOKEN_URL", microsoft.tokenUrl()));
        return pb.start();
    }

    private static void clearEnv(ProcessBuilder pb) {
        for (String name : List.of("TRIAGE_REDIS_URL", "TRIAGE_ETCD_ENDPOINTS", "TRIAGE_ETCD_PREFIX", "SLACK_SIGNING_SECRET",
                "SLACK_BOT_TOKEN", "SLACK_API_URL", "TEAMS_WEBHOOK_SECRET", "TRIAGE_API_TOKEN", "TRIAGE_RULES", "TRIAGE_KNOWLEDGE",
                "SLACK_APP_TOKEN", "TEAMS_APP_ID", "TEAMS_APP_PASSWORD", "TEAMS_TENANT_ID", "TEAMS_OPENID_METADATA_URL",
                "TEAMS_TOKEN_URL")) {
            pb.environment().remove(name);
        }
    }

    private static String jar() { return System.getProperty("triage.jar", "target/triage.jar"); }

    /** Reads up to the "listening on" line, then drains the rest of the log in the background. */
    private static String listening(Process p) {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> log = new ArrayList<>();
        try {
            String line;
            while ((line = r.readLine()) != null) {
                log.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> {
                        try {
                            String l;
                            while ((l = r.readLine()) != null) {
                                if (l.contains("etcd") || l.contains("reload")) System.out.println("[" + p.pid() + "] " + l);
                            }
                        } catch (IOException ignored) {
                            // the process ended
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return m.group(1);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no 'listening on' line: " + String.join("\n", log));
    }

    @AfterAll
    void stop() throws Exception {
        for (Process p : instances) p.destroy();
        for (Process p : instances) if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        if (slack != null) slack.stop(0);
        if (microsoft != null) microsoft.close();
        if (etcd != null) etcd.close();
        if (redis != null) redis.close();
        for (Path t : temps) delete(t);
    }

    private HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode health(String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("rules");
    }

    private JsonNode say(String base, String conversation, String text) throws Exception {
        HttpResponse<String> r = post(base + "/api/conversations/" + conversation + "/messages",
                JSON.createObjectNode().put("text", text).toString(), Map.of());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    @Order(1)
    void a_conversation_round_robin_across_three_instances_ends_as_on_one() throws Exception {
        // the third answers RethinkDB's own check, which comes before settling
        List<String> turns = List.of("nobody can log in to backoffice", "yes, they show up", "no, it is down");
        JsonNode alone = null;
        StringBuilder replies = new StringBuilder();
        for (String t : turns) {
            alone = say(bases.get(0), "multi-one", t);
            replies.append("\n[one] ").append(t).append(" -> ").append(alone.path("reply").asText());
        }
        JsonNode spread = null;
        for (int i = 0; i < turns.size(); i++) {
            spread = say(bases.get((i + 1) % 3), "multi-rr", turns.get(i));
            replies.append("\n[rr ").append((i + 1) % 3).append("] ").append(turns.get(i)).append(" -> ").append(spread.path("reply").asText());
        }
        assertNotNull(spread);
        assertEquals("rethinkdb", spread.path("causes").path(0).path("component").asText(), spread + replies.toString());
        assertEquals(alone.path("causes").toString(), spread.path("causes").toString(), replies.toString());
        assertEquals(alone.path("concluded").asBoolean(), spread.path("concluded").asBoolean());
        assertTrue(spread.path("concluded").asBoolean(), spread.toString());
        System.out.println("round-robin conversation: top " + spread.path("causes").path(0).path("component").asText() + " "
                + spread.path("causes").path(0).path("confidence").asDouble() + ", concluded");
    }

    @Test
    @Order(2)
    void a_slack_retry_delivered_to_another_instance_posts_once() throws Exception {
        ObjectNode ev = JSON.createObjectNode();
        ev.put("type", "app_mention").put("user", "U061F7AUR").put("text", "<@" + BOT_USER + "> nobody can log in to backoffice")
                .put("ts", "1515449522.000016").put("channel", "C0LAN2Q65").put("event_ts", "1515449522.000016");
        ObjectNode env = JSON.createObjectNode();
        env.put("token", "ZZZZZZWSxiZZZ2yIvs3peJ").put("team_id", "T061EG9R6").put("api_app_id", "A0MDYCDME");
        env.set("event", ev);
        env.put("type", "event_callback").put("event_id", "Ev0MULTI0001").put("event_time", 1515449522);
        env.putArray("authorizations").addObject().put("team_id", "T061EG9R6").put("user_id", BOT_USER).put("is_bot", true);
        String body = env.toString();
        HttpResponse<String> first = post(bases.get(0) + "/slack/events", body, signed(body, Map.of()));
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> retry = post(bases.get(1) + "/slack/events", body,
                signed(body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")));
        assertEquals(200, retry.statusCode(), retry.body());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (posts.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        Thread.sleep(1000); // a second post, if any, would come within this
        assertEquals(1, posts.size(), posts.toString());
        assertTrue(posts.get(0).contains("RethinkDB"), posts.get(0));

        // nothing in Redis lives for ever: conversations and seen event ids all carry a TTL
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            List<String> keys = c.sync().keys("triage:*");
            assertTrue(keys.stream().anyMatch(k -> k.startsWith("triage:seen:")), keys.toString());
            assertTrue(keys.stream().anyMatch(k -> k.startsWith("triage:conversation:")), keys.toString());
            for (String k : keys) assertTrue(c.sync().ttl(k) > 0, k + " has no TTL");
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static Map<String, String> signed(String body, Map<String, String> extra) throws Exception {
        long ts = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
        Map<String, String> h = new java.util.HashMap<>(extra);
        h.put("X-Slack-Request-Timestamp", String.valueOf(ts));
        h.put("X-Slack-Signature", sig);
        return h;
    }

    /** A copy of rules/ and knowledge/ with one .drl file changed by {@code edit}. */
    private Path copyOfRunbooks(String file, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path dir = Files.createTempDirectory("triage-publish");
        temps.add(dir);
        for (String sub : List.of("rules", "knowledge")) {
            Path from = Path.of(sub);
            try (Stream<Path> s = Files.walk(from)) {
                for (Path p : s.toList()) {
                    Path to = dir.resolve(sub).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
        }
        Path f = dir.resolve("rules").resolve(file);
        Files.writeString(f, edit.apply(Files.readString(f)));
        return dir;
    }

    /** Runs {@code publish}; {@code onPublished} is called the moment it prints its success line. */
    private int publish(Path dir, List<String> output, Runnable onPublished) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-jar", jar(), "publish", "--rules", dir.resolve("rules").toString(),
                "--knowledge", dir.resolve("knowledge").toString()).redirectErrorStream(true);
        clearEnv(pb);
        pb.environment().put("TRIAGE_ETCD_ENDPOINTS", etcd.endpoint());
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                if (line.startsWith("published revision ")) onPublished.run();
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "publish did not finish");
        return p.exitValue();
    }

    /** Per instance, ms from publish until it was told (healthz rules.published) and until it served the set. */
    private record Reach(List<Long> told, List<Long> serving) {}

    /** Publishes a copy with one comment added to placeos.drl, and measures how it reaches the three. */
    private Reach publishAndMeasure(String comment) throws Exception {
        String before = health(bases.get(0)).path("revision").asText();
        Path edited = copyOfRunbooks("placeos.drl", s -> s + "\n// " + comment + "\n");
        long[] t0 = {0};
        List<String> out = new ArrayList<>();
        int code = publish(edited, out, () -> t0[0] = System.nanoTime());
        assertEquals(0, code, String.join("\n", out));
        Matcher m = Pattern.compile("published revision (\\w+)").matcher(String.join("\n", out));
        assertTrue(m.find(), out.toString());
        String revision = m.group(1);
        assertFalse(revision.equals(before), "the edit changes the revision");
        long[] told = new long[3], reached = new long[3];
        long deadline = t0[0] + TimeUnit.SECONDS.toNanos(90);
        int left = 3;
        while (left > 0 && System.nanoTime() < deadline) {
            for (int i = 0; i < 3; i++) {
                if (reached[i] != 0) continue;
                JsonNode h = health(bases.get(i));
                long now = System.nanoTime() - t0[0];
                if (told[i] == 0 && revision.equals(h.path("published").asText())) told[i] = now;
                if (revision.equals(h.path("revision").asText()) && "etcd".equals(h.path("source").asText())) {
                    reached[i] = now;
                    if (told[i] == 0) told[i] = now;
                    left--;
                }
            }
            Thread.sleep(10);
        }
        for (int i = 0; i < 3; i++) assertTrue(reached[i] != 0, "instance " + i + " never reached " + revision + ": " + health(bases.get(i)));
        for (String b : bases) assertTrue(health(b).path("error").isNull(), health(b).toString());
        return new Reach(java.util.Arrays.stream(told).map(n -> n / 1_000_000).boxed().toList(),
                java.util.Arrays.stream(reached).map(n -> n / 1_000_000).boxed().toList());
    }

    @Test
    @Order(3)
    void publish_reaches_all_three_instances() throws Exception {
        for (String b : bases) assertEquals("files", health(b).path("source").asText());
        // the first set after start is compiled by a cold JIT, three JVMs on the same cores; the second is the usual case
        for (String which : List.of("first", "second")) {
            Reach r = publishAndMeasure(which + " edit");
            System.out.println("MEASURED " + which + " publish: told all three in " + Collections.max(r.told()) + " ms " + r.told()
                    + "; all three serving it (compiled, scenarios passed, swapped) in " + Collections.max(r.serving()) + " ms "
                    + r.serving());
            // told by the watch: a few hundred ms on a quiet machine, over 3 s on a loaded one (the 2 s target is
            // read from the MEASURED line above); the bound here is 10x the target
            for (long ms : r.told()) assertTrue(ms < 20_000, "the publish took " + r.told() + " ms to reach the instances");
            // the validated swap costs a compile and every scenario per instance, three at once: 4-6 s on a
            // quiet 2-core machine, so 60 s for a loaded one
            for (long ms : r.serving()) assertTrue(ms < 60_000, "the swap took " + r.serving() + " ms");
        }
    }

    @Test
    @Order(4)
    void a_broken_set_is_refused_and_changes_nothing() throws Exception {
        String before = health(bases.get(0)).path("revision").asText();
        Path broken = copyOfRunbooks("placeos.drl", s -> s.replaceFirst("\\bthen\\b", "then oops("));
        List<String> out = new ArrayList<>();
        int code = publish(broken, out, () -> { });
        assertEquals(1, code, String.join("\n", out));
        String text = String.join("\n", out);
        assertTrue(text.contains("placeos.drl:"), text);
        assertTrue(text.contains("not published"), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
        Thread.sleep(300);
        for (String b : bases) {
            JsonNode h = health(b);
            assertEquals(before, h.path("revision").asText(), h.toString());
            assertTrue(h.path("error").isNull(), h.toString());
        }
    }

    @Test
    @Order(5)
    void with_etcd_stopped_all_three_keep_answering() throws Exception {
        String before = health(bases.get(0)).path("revision").asText();
        etcd.stop();
        for (String b : bases) {
            HttpResponse<String> r = post(b + "/api/diagnose",
                    "{\"observations\":[\"can't log in\",\"requests are reaching the api\"]}", Map.of());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("rethinkdb", JSON.readTree(r.body()).path("causes").path(0).path("component").asText(), r.body());
            assertEquals(before, health(b).path("revision").asText());
        }
        // publishing meanwhile fails on its deadline, in one line
        List<String> out = new ArrayList<>();
        int code = publish(copyOfRunbooks("placeos.drl", s -> s + "\n// while etcd is down\n"), out, () -> { });
        String text = String.join("\n", out);
        assertEquals(3, code, text);
        assertTrue(text.contains("nothing published"), text);
        assertFalse(text.contains("\tat ") || text.contains("Exception"), "no stack trace: " + text);
        System.out.println("publish with etcd down: " + text);
        // and a conversation still goes round
        JsonNode last = null;
        for (int i = 0; i < 2; i++) last = say(bases.get(i + 1), "multi-no-etcd", List.of("nobody can log in to backoffice", "yes, they show up").get(i));
        assertEquals("rethinkdb", last.path("causes").path(0).path("component").asText(), last.toString());
    }

    @Test
    @Order(6)
    void a_teams_activity_delivered_to_two_instances_is_answered_once() throws Exception {
        String conversation = "a:1multiInstancePersonalChat0123456789";
        var activity = microsoft.message("1700000009001", conversation, "personal", "nobody can log in");
        String token = microsoft.token(microsoft.serviceUrl());
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        // the same activity reaches two instances at once (a retry after a timeout, two load balancer paths)
        List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
        for (String base : bases.subList(0, 2)) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return post(base + "/teams/messages", activity.toString(), auth);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var f : both) statuses.add(f.get(30, TimeUnit.SECONDS).statusCode());
        Collections.sort(statuses);
        assertEquals(List.of(200, 202), statuses, "one instance takes it, the other sees it was taken");
        microsoft.await(r -> r.conversationId().equals(conversation), 1, Duration.ofSeconds(30));
        // a third delivery, to the third instance, changes nothing either
        assertEquals(200, post(bases.get(2) + "/teams/messages", activity.toString(), auth).statusCode());
        Thread.sleep(1500);
        assertEquals(1, microsoft.replies().stream().filter(r -> r.conversationId().equals(conversation)).count(),
                "answered once across the three instances");
        // the next message of that chat, on the third instance, carries on the same conversation from Redis
        var next = microsoft.message("1700000009002", conversation, "personal", "yes");
        assertEquals(202, post(bases.get(2) + "/teams/messages", next.toString(), auth).statusCode());
        var replies = microsoft.await(r -> r.conversationId().equals(conversation), 2, Duration.ofSeconds(30));
        assertEquals("1700000009002", replies.get(1).replyTo());
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
