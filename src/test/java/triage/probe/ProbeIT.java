package triage.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import triage.testing.Servers;
import triage.Fixtures;
import triage.engine.Answer;
import triage.engine.Said;
import triage.engine.Triage;
import triage.http.HttpServer;
import triage.model.Cause;
import triage.model.ProbeResult;
import triage.model.ProbeResult.Status;
import triage.model.Observation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live checks against a real redis-server and etcd on loopback, and what the diagnosis makes of them. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProbeIT {
    /** Wide, so that a healthy target answers in time on a loaded machine (a hung one costs the test this much). */
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final String PREFIX = "/service/core";
    /** A sentence the rules know nothing about: whatever is concluded comes from the probes. */
    private static final String VAGUE = "placeos seems unhappy today";
    private static Triage triage;

    @TempDir Path dir;
    private LocalServer redis, etcd;
    private Prober prober;
    private Javalin app;

    @BeforeAll
    static void rules() {
        triage = Fixtures.triage();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.stop();
        if (prober != null) prober.close();
        if (etcd != null) etcd.close();
        if (redis != null) redis.close();
    }

    private void startBoth() throws Exception {
        redis = LocalServer.redis(dir);
        etcd = LocalServer.etcd(dir);
    }

    /** Redis (with the request queue in db 4) and etcd (core registers under /service/core); every question checks anew. */
    private Prober prober(Duration queueGap) {
        List<Target> targets = List.of(
                Target.parse("redis", "redis", redis.url("redis") + "?queue_db=4", Map.of()),
                Target.parse("etcd", "etcd", etcd.url("http"), Map.of("prefix", PREFIX)));
        prober = new Prober(targets, new ProbeSettings(BUDGET, Duration.ZERO, 100, Duration.ofSeconds(30), queueGap));
        return prober;
    }

    private static ProbeResult result(Answer a, String component) {
        return a.probes().stream().filter(p -> p.component().equals(component)).findFirst()
                .orElseThrow(() -> new AssertionError("no probe of " + component + " in " + a.probes()));
    }

    private static Observation understood(Answer a, String symptom) {
        return a.diagnosis().understood().stream().filter(u -> u.getSymptom().equals(symptom)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing understood about " + symptom + ": " + a.diagnosis().understood()));
    }

    @Test
    void healthy_redis_and_etcd_are_reported_up_over_http_and_outweigh_a_sentence_blaming_redis() throws Exception {
        startBoth();
        etcd.etcdPut(PREFIX + "/10.0.0.7", "{\"uri\":\"http://10.0.0.7:3000\"}");
        prober(Duration.ofMillis(300)).open();
        Triage probing = Fixtures.triage(ProbeChecks.of(prober));
        app = Servers.http(probing, HttpServer.Options.of(null)).create().start("127.0.0.1", 0);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/diagnose"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"observations\":[\"status changes and signals stopped working\"],\"probe\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = new ObjectMapper().readTree(r.body());
        System.out.println("healthy probes: " + body.get("probes"));

        JsonNode probes = body.get("probes");
        assertEquals(2, probes.size(), r.body());
        JsonNode rp = probes.get(0), ep = probes.get(1);
        assertEquals("redis", rp.get("component").asText());
        assertEquals("up", rp.get("status").asText(), r.body());
        assertEquals(redis.url("redis"), rp.get("target").asText());
        assertTrue(rp.get("detail").asText().startsWith("PONG"), r.body());
        assertTrue(rp.get("detail").asText().contains("not growing"), r.body());
        assertEquals("etcd", ep.get("component").asText());
        assertEquals("up", ep.get("status").asText(), r.body());
        assertTrue(ep.get("detail").asText().contains("1 key under " + PREFIX), r.body());
        assertTrue(rp.get("ms").asLong() >= 300, "two DBSIZE samples 300 ms apart: " + rp);

        List<String> fromProbes = new ArrayList<>();
        for (JsonNode u : body.get("understood")) {
            if (u.get("source").asText().equals("probe")) fromProbes.add(u.get("symptom").asText() + "=" + u.get("present").asBoolean());
        }
        assertEquals(List.of("redis-healthy=true", "request-queue-growing=false", "etcd-healthy=true", "core-registered=true"),
                fromProbes, r.body());
        // said alone, stopped signals blame Redis (0.7); the probe's healthy Redis (-0.8) outweighs it
        for (JsonNode c : body.get("causes")) {
            assertFalse(c.get("component").asText().equals("redis") || c.get("component").asText().equals("etcd"), r.body());
        }
    }

    @Test
    void a_stopped_redis_is_blamed_with_the_probe_as_evidence() throws Exception {
        startBoth();
        etcd.etcdPut(PREFIX + "/a", "1");
        Triage live = Fixtures.triage(ProbeChecks.of(prober(Duration.ofMillis(200))));
        prober.open();
        assertEquals(Status.UP, result(live.answer(Said.texts(List.of(VAGUE)).checking(true)), "redis").status());

        redis.close();
        Answer a = live.answer(Said.texts(List.of(VAGUE)).checking(true));
        ProbeResult rp = result(a, "redis");
        assertEquals(Status.DOWN, rp.status(), rp.toString());
        // refused, closed, or (when the new connection reached a server still shutting down) rejected
        assertTrue(rp.detail().contains("refused") || rp.detail().contains("closed")
                || rp.detail().contains("not connected"), rp.detail());
        assertEquals(Status.UP, result(a, "etcd").status());
        Cause top = a.diagnosis().top();
        assertNotNull(top, "no cause: " + a);
        assertEquals("redis", top.component());
        assertTrue(top.because().contains("Redis is down or unreachable (live check)"), top.because().toString());
        Observation u = understood(a, "redis-healthy");
        assertFalse(u.isPresent());
        assertEquals(Observation.PROBE, u.getSource());
        assertTrue(u.getText().startsWith(redis.url("redis") + ": "), u.getText());
    }

    @Test
    void a_hung_etcd_still_gets_an_answer_within_the_budget_reporting_a_timeout() throws Exception {
        startBoth();
        etcd.etcdPut(PREFIX + "/a", "1");
        Triage live = Fixtures.triage(ProbeChecks.of(prober(Duration.ofMillis(200))));
        prober.open();  // as serve does: connected while etcd was well
        assertEquals(Status.UP, result(live.answer(Said.texts(List.of(VAGUE)).checking(true)), "etcd").status());

        etcd.hang();
        long t0 = System.nanoTime();
        Answer a = live.answer(Said.texts(List.of(VAGUE)).checking(true));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.println("hung etcd: answered in " + ms + " ms (budget " + BUDGET.toMillis() + " ms); " + a.probes());
        // the hang never ends: answering at all proves the deadline; 3x leaves room for a loaded machine
        assertTrue(ms <= BUDGET.toMillis() * 3, "answered in " + ms + " ms");
        ProbeResult ep = result(a, "etcd");
        assertEquals(Status.TIMEOUT, ep.status(), ep.toString());
        assertEquals(Status.UP, result(a, "redis").status());
        // a hung etcd is an etcd that does not answer: it is blamed
        assertEquals("etcd", a.diagnosis().top().component(), a.diagnosis().causes().toString());
        assertFalse(understood(a, "etcd-healthy").isPresent());

        etcd.resume();
        ProbeResult back = result(live.answer(Said.texts(List.of(VAGUE)).checking(true)), "etcd");
        assertEquals(Status.UP, back.status(), "after SIGCONT: " + back);
    }

    @Test
    void a_growing_request_queue_is_seen_between_the_two_samples() throws Exception {
        startBoth();
        etcd.etcdPut(PREFIX + "/a", "1");
        Triage live = Fixtures.triage(ProbeChecks.of(prober(Duration.ofMillis(400))));
        prober.open();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            // requests pile up in db 4 while nothing drains them
            for (int i = 0; writing.get() && i < 400; i++) {
                try {
                    redis.redis("SELECT 4", "SET request:" + i + " x");
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        }, "queue-writer");
        writer.start();
        Answer a;
        try {
            Thread.sleep(50);
            // a vague complaint about the web site: the queue is the web stack's (one naming PlaceOS
            // keeps to PlaceOS's runbook, where a queue means nothing)
            a = live.answer(Said.texts(List.of("our site seems unhappy today")).checking(true));
        } finally {
            writing.set(false);
            writer.join(5000);
        }
        ProbeResult rp = result(a, "redis");
        assertEquals(Status.UP, rp.status(), rp.toString());
        assertTrue(rp.detail().matches(".*db 4: \\d+ -> \\d+ keys in \\d+ ms \\(growing\\).*"), rp.detail());
        Observation u = understood(a, "request-queue-growing");
        assertTrue(u.isPresent());
        assertEquals(Observation.PROBE, u.getSource());
        // the web-stack seed: a growing queue means blocked, too few or flooded workers
        assertEquals("database", a.diagnosis().top().component(), a.diagnosis().causes().toString());
    }

    @Test
    void no_keys_under_the_service_discovery_prefix_is_evidence_of_no_core_instances() throws Exception {
        startBoth();
        etcd.etcdPut("/service/api/10.0.0.9", "1");  // another service registered; core is not
        Triage live = Fixtures.triage(ProbeChecks.of(prober(Duration.ofMillis(200))));
        prober.open();
        Answer a = live.answer(Said.texts(List.of(VAGUE)).checking(true));
        ProbeResult ep = result(a, "etcd");
        assertEquals(Status.UP, ep.status(), ep.toString());
        assertTrue(ep.detail().contains("0 keys under " + PREFIX + " (no core instances registered)"), ep.detail());
        assertFalse(understood(a, "core-registered").isPresent());
        Cause top = a.diagnosis().top();
        assertEquals("core", top.component(), a.diagnosis().causes().toString());
        assertTrue(top.because().contains("no core instance is registered in etcd (live check)"), top.because().toString());
        // etcd itself answers, so it is not the suspect
        assertTrue(a.diagnosis().causes().stream().noneMatch(c -> c.component().equals("etcd")), a.diagnosis().causes().toString());
    }

    @Test
    void a_wrong_redis_password_is_reported_and_never_shown() throws Exception {
        redis = LocalServer.redis(dir, "--requirepass", "right-horse-battery");
        Target t = Target.parse("redis", "redis", "redis://:wrong-horse-battery@127.0.0.1:" + redis.port, Map.of());
        prober = new Prober(List.of(t), new ProbeSettings(BUDGET, Duration.ZERO, 100, Duration.ofSeconds(30), Duration.ZERO));
        prober.open();
        ProbeResult r = prober.run().get(0);
        assertEquals(Status.DOWN, r.status(), r.toString());
        assertTrue(r.detail().contains("authentication failed"), r.detail());
        assertEquals("redis://:***@127.0.0.1:" + redis.port, r.target());
        assertFalse(r.toString().contains("wrong-horse-battery"), r.toString());
        assertTrue(r.observations().isEmpty(), "an answer refusing us says nothing of Redis' health: " + r.observations());
    }
}
