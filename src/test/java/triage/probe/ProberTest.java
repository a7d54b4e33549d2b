package triage.probe;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import triage.Fixtures;
import triage.engine.Answer;
import triage.engine.Said;
import triage.engine.Triage;
import triage.model.Observation;
import triage.model.ProbeResult;
import triage.model.ProbeResult.Status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prober's own machinery - cache, breaker, budget - and the TCP, HTTP and DNS checks, against loopback sockets. */
// a test takes at most 3 s on a quiet machine; this catches a hang, with room for a loaded one
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProberTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }

    private static ProbeSettings settings(Duration budget, Duration cache, int failures, Duration cooldown) {
        return new ProbeSettings(budget, cache, failures, cooldown, Duration.ZERO);
    }

    /** A listening socket that accepts and counts connections. */
    private ServerSocket counting(AtomicInteger accepted) throws IOException {
        ServerSocket s = keep(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "accept");
        t.setDaemon(true);
        t.start();
        return s;
    }

    private HttpServer http(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            boolean needsAuth = ex.getRequestURI().getPath().startsWith("/secured");
            String expected = "Basic " + Base64.getEncoder().encodeToString("triage:pa55word".getBytes(StandardCharsets.UTF_8));
            int code = needsAuth && !expected.equals(auth) ? 401 : status;
            byte[] b = (code == 401 ? "{\"error\":\"unauthorized\"}" : body).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(code, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        return server;
    }

    private Prober prober(ProbeSettings s, Target... targets) {
        return keep(new Prober(List.of(targets), s));
    }

    private static Observation only(ProbeResult r) {
        assertEquals(1, r.observations().size(), r.toString());
        return r.observations().get(0);
    }

    @Test
    void a_burst_of_questions_is_one_round_of_checks() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        ServerSocket s = counting(accepted);
        Prober p = prober(settings(Duration.ofSeconds(2), Duration.ofSeconds(30), 3, Duration.ofSeconds(30)),
                Target.parse("rethinkdb", "tcp", "tcp://127.0.0.1:" + s.getLocalPort(), Map.of()));
        List<CompletableFuture<List<ProbeResult>>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) burst.add(CompletableFuture.supplyAsync(p::run));
        for (CompletableFuture<List<ProbeResult>> f : burst) assertEquals(Status.UP, f.get(10, TimeUnit.SECONDS).get(0).status());
        ProbeResult again = p.run().get(0);
        assertTrue(again.cached(), again.toString());
        Observation o = only(again);
        assertEquals("rethinkdb-healthy", o.getSymptom());
        assertTrue(o.isPresent());
        assertEquals(Observation.PROBE, o.getSource());
        Thread.sleep(100);  // let the accept loop count
        assertEquals(1, accepted.get(), "nine questions, one connection");
    }

    @Test
    void a_target_that_keeps_failing_is_skipped_for_the_cooldown_then_tried_again() throws Exception {
        int port = LocalServer.freePort();
        AtomicLong now = new AtomicLong(1_000_000_000L);
        Prober p = keep(new Prober(List.of(Target.parse("rethinkdb", "tcp", "tcp://127.0.0.1:" + port, Map.of())),
                settings(Duration.ofSeconds(2), Duration.ZERO, 2, Duration.ofSeconds(30)), now::get));
        assertEquals(Status.DOWN, p.run().get(0).status());
        assertEquals(Status.DOWN, p.run().get(0).status());
        ProbeResult skipped = p.run().get(0);
        assertEquals(Status.SKIPPED, skipped.status());
        assertEquals(0, skipped.ms());
        assertTrue(skipped.detail().startsWith("skipped: failed 2 times in a row, last down: connection refused; next try in 3"), skipped.detail());
        assertFalse(only(skipped).isPresent(), "what its last check found still counts");

        now.addAndGet(TimeUnit.SECONDS.toNanos(29));
        assertEquals(Status.SKIPPED, p.run().get(0).status());
        // the component comes back; after the cooldown it is tried, found up, and the breaker closes
        ServerSocket back = keep(new ServerSocket());
        back.setReuseAddress(true);
        back.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        assertEquals(Status.SKIPPED, p.run().get(0).status(), "not before the cooldown has passed");
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals(Status.UP, p.run().get(0).status());
        back.close();
        assertEquals(Status.DOWN, p.run().get(0).status(), "one failure after a success does not open the breaker");
        assertEquals(Status.DOWN, p.run().get(0).status());
        assertEquals(Status.SKIPPED, p.run().get(0).status());
    }

    @Test
    void elasticsearch_health_green_is_up_red_is_down_and_an_unexpected_status_is_down() throws Exception {
        ProbeSettings s = settings(Duration.ofSeconds(2), Duration.ZERO, 100, Duration.ofSeconds(30));
        HttpServer green = http(200, "{\"cluster_name\":\"es\",\"status\":\"green\",\"number_of_nodes\":3}");
        HttpServer red = http(200, "{\"cluster_name\":\"es\",\"status\":\"red\"}");
        HttpServer yellow = http(200, "{\"status\":\"yellow\"}");
        HttpServer unavailable = http(503, "{\"error\":\"master_not_discovered_exception\"}");
        Prober p = prober(s,
                Target.parse("elasticsearch", "http", "http://127.0.0.1:" + green.getAddress().getPort() + "/_cluster/health", Map.of()),
                Target.parse("elasticsearch", "http", "http://127.0.0.1:" + red.getAddress().getPort() + "/_cluster/health", Map.of()),
                Target.parse("elasticsearch", "http", "http://127.0.0.1:" + yellow.getAddress().getPort() + "/_cluster/health", Map.of()),
                Target.parse("elasticsearch", "http", "http://127.0.0.1:" + unavailable.getAddress().getPort() + "/_cluster/health", Map.of()),
                Target.parse("elasticsearch", "http", "http://127.0.0.1:" + unavailable.getAddress().getPort() + "/", Map.of("expect", "5xx")));
        List<ProbeResult> r = p.run();
        assertEquals(Status.UP, r.get(0).status(), r.get(0).toString());
        assertEquals("HTTP 200, status green", r.get(0).detail());
        assertEquals("elasticsearch-healthy", only(r.get(0)).getSymptom());
        assertTrue(only(r.get(0)).isPresent());
        assertEquals(Status.DOWN, r.get(1).status());
        assertEquals("HTTP 200, status red", r.get(1).detail());
        assertFalse(only(r.get(1)).isPresent());
        assertEquals(Status.UP, r.get(2).status());
        assertEquals("HTTP 200, status yellow (replicas unassigned)", r.get(2).detail());
        assertEquals(Status.DOWN, r.get(3).status());
        assertEquals("HTTP 503 (expected 200)", r.get(3).detail());
        assertEquals(Status.UP, r.get(4).status(), "expect 5xx: " + r.get(4));
    }

    @Test
    void http_credentials_go_out_as_basic_auth_and_never_come_back_in_the_result() throws Exception {
        HttpServer es = http(200, "{\"status\":\"green\"}");
        int port = es.getAddress().getPort();
        Prober p = prober(settings(Duration.ofSeconds(2), Duration.ZERO, 100, Duration.ofSeconds(30)),
                Target.parse("elasticsearch", "http", "http://triage:pa55word@127.0.0.1:" + port + "/secured/_cluster/health", Map.of()),
                Target.parse("elasticsearch", "http", "http://triage:wrong@127.0.0.1:" + port + "/secured/_cluster/health", Map.of()));
        List<ProbeResult> r = p.run();
        assertEquals(Status.UP, r.get(0).status(), r.get(0).toString());
        assertEquals("http://triage:***@127.0.0.1:" + port + "/secured/_cluster/health", r.get(0).target());
        assertEquals(Status.DOWN, r.get(1).status());
        assertEquals("HTTP 401 (expected 200)", r.get(1).detail());
        assertFalse(r.toString().contains("pa55word") || r.toString().contains("wrong@"), r.toString());
    }

    @Test
    void a_server_that_never_answers_is_a_timeout_within_the_budget() throws Exception {
        ServerSocket silent = keep(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        Duration budget = Duration.ofMillis(600);
        Prober p = prober(settings(budget, Duration.ZERO, 100, Duration.ofSeconds(30)),
                Target.parse("elasticsearch", "http", "http://127.0.0.1:" + silent.getLocalPort() + "/_cluster/health", Map.of()),
                Target.parse("rethinkdb", "tcp", "tcp://127.0.0.1:" + silent.getLocalPort(), Map.of()));
        long t0 = System.nanoTime();
        List<ProbeResult> r = p.run();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // a round that ignored its budget would wait on the silent server until the class timeout;
        // a loaded machine's scheduling adds to the 600 ms, hence the 10x margin
        assertTrue(ms < budget.toMillis() * 10, "round took " + ms + " ms");
        assertEquals(Status.TIMEOUT, r.get(0).status(), r.get(0).toString());
        assertFalse(only(r.get(0)).isPresent(), "a hung component is not a healthy one");
        // the kernel accepts the connection for a process that never will: a TCP connect cannot tell
        assertEquals(Status.UP, r.get(1).status(), r.get(1).toString());
    }

    @Test
    void dns_compares_what_a_name_resolves_to_with_what_it_should() throws Exception {
        Prober p = prober(settings(Duration.ofSeconds(2), Duration.ZERO, 100, Duration.ofSeconds(30)),
                Target.parse("dns", "dns", "dns://localhost?expect=127.0.0.1,::1", Map.of()),
                Target.parse("dns", "dns", "dns://localhost?expect=127.0.0.2", Map.of()),
                Target.parse("dns", "dns", "dns://localhost", Map.of()));
        List<ProbeResult> r = p.run();
        assertEquals(Status.UP, r.get(0).status(), r.get(0).toString());
        assertEquals("dns-resolves-as-expected", only(r.get(0)).getSymptom());
        assertTrue(only(r.get(0)).isPresent());
        assertEquals(Status.DOWN, r.get(1).status());
        assertTrue(r.get(1).detail().contains("expected 127.0.0.2"), r.get(1).detail());
        assertFalse(only(r.get(1)).isPresent());
        assertEquals(Status.UP, r.get(2).status());
        assertTrue(r.get(2).observations().isEmpty(), "nothing to compare with settles nothing: " + r.get(2));
    }

    @Test
    void results_count_unless_not_one_of_several_targets_answered() throws Exception {
        ProbeSettings s = settings(Duration.ofSeconds(2), Duration.ZERO, 100, Duration.ofSeconds(30));
        String closedEs = "http://127.0.0.1:" + LocalServer.freePort() + "/_cluster/health";
        Triage triage = Fixtures.triage();
        Triage allDown = Fixtures.triage(ProbeChecks.of(prober(s,
                Target.parse("rethinkdb", "tcp", "tcp://127.0.0.1:" + LocalServer.freePort(), Map.of()),
                Target.parse("elasticsearch", "http", closedEs, Map.of()))));
        Answer a = allDown.answer(Said.text("lunch is at noon").checking(true));
        assertEquals(2, a.probes().size());
        assertTrue(a.probes().stream().noneMatch(ProbeResult::counted), a.probes().toString());
        assertNull(a.diagnosis().top(), "nothing counted, nothing concluded: " + a.diagnosis().causes());

        ServerSocket rethink = keep(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Triage oneUp = Fixtures.triage(ProbeChecks.of(prober(s,
                Target.parse("rethinkdb", "tcp", "tcp://127.0.0.1:" + rethink.getLocalPort(), Map.of()),
                Target.parse("elasticsearch", "http", closedEs, Map.of()))));
        a = oneUp.answer(Said.text("lunch is at noon").checking(true));
        assertTrue(a.probes().stream().allMatch(ProbeResult::counted), a.probes().toString());
        assertEquals("elasticsearch", a.diagnosis().top().component());
        assertEquals(List.of("Elasticsearch is down or red (live check)"), a.diagnosis().top().because());

        assertNull(oneUp.answer(Said.text("lunch is at noon")).probes(), "not asked to check, nothing checked");
        assertEquals(List.of(), triage.answer(Said.text("x").checking(true)).probes());
    }
}
