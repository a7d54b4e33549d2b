package triage.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import triage.testing.Servers;
import triage.Fixtures;
import triage.http.HttpServer;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every probe pointed at something that never answers or refuses, on loopback: the answer still
 * comes, cold and warm, and reports what happened to each. The targets never answer, so any answer
 * proves the deadlines; the bound leaves a loaded machine ten times the budget (the times are printed).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ProbeBudgetIT {
    private static final Duration BUDGET = ProbeSettings.defaults().budget();
    private final List<ServerSocket> hung = new ArrayList<>();
    private Prober prober;
    private Javalin app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.stop();
        if (prober != null) prober.close();
        for (ServerSocket s : hung) s.close();
    }

    /** A listening socket nobody accepts on: the kernel completes the handshake, then nothing ever answers. */
    private int hungPort() throws Exception {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        hung.add(s);
        return s.getLocalPort();
    }

    @Test
    void a_diagnose_with_every_target_hung_or_refusing_answers_within_the_budget() throws Exception {
        List<Target> targets = List.of(
                Target.parse("etcd", "etcd", "http://127.0.0.1:" + hungPort(), Map.of("prefix", "/service/core")),
                Target.parse("rethinkdb", "tcp", "tcp://127.0.0.1:" + LocalServer.freePort(), Map.of()),
                Target.parse("redis", "redis", "redis://127.0.0.1:" + hungPort() + "?queue_db=4", Map.of()),
                Target.parse("elasticsearch", "http", "http://127.0.0.1:" + hungPort() + "/_cluster/health", Map.of()),
                Target.parse("dns", "dns", "dns://localhost?expect=127.0.0.2", Map.of()));
        // every question checks anew, and no breaker opens: each round meets every hung target
        prober = new Prober(targets, new ProbeSettings(BUDGET, Duration.ZERO, 1000, Duration.ofSeconds(30), Duration.ofSeconds(1)));
        triage.engine.Triage triage = Fixtures.triage(ProbeChecks.of(prober));
        app = Servers.http(triage, HttpServer.Options.of(null)).create().start("127.0.0.1", 0);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // as serve does at start: load the clients and try the connections (each hangs until open's deadline),
        // and pay the HTTP path's own first-request cost (Jetty, Jackson, the client) without probing
        long opening = System.nanoTime();
        prober.open();
        System.out.println("open with every target hung or refusing: " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opening) + " ms");
        assertEquals(200, post(client, "{\"observations\":[\"nobody can log in\"]}").statusCode());
        long limit = BUDGET.toMillis() * 10;
        List<Long> measured = new ArrayList<>();
        for (String round : List.of("first", "second", "third")) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = post(client, "{\"observations\":[\"nobody can log in\"],\"probe\":true}");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            measured.add(ms);
            System.out.println("every target hung or refusing, " + round + ": answered in " + ms + " ms (budget "
                    + BUDGET.toMillis() + " ms, limit " + limit + " ms)");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(ms <= limit, round + ": answered in " + ms + " ms, over " + limit + " ms");
            JsonNode body = new ObjectMapper().readTree(r.body());
            JsonNode probes = body.get("probes");
            assertEquals(5, probes.size(), r.body());
            for (JsonNode p : probes) {
                System.out.println("  " + p);
                String status = p.get("status").asText();
                String c = p.get("component").asText();
                Set<String> allowed = c.equals("rethinkdb") || c.equals("dns") ? Set.of("down") : Set.of("timeout");
                assertTrue(allowed.contains(status), c + " " + status + ": " + p);
                // not one target answered: Triage cannot tell them apart from its own network failing
                assertFalse(p.get("counted").asBoolean(), p.toString());
            }
            for (JsonNode u : body.get("understood")) assertFalse(u.get("source").asText().equals("probe"), r.body());
            // the sentence still counts
            assertEquals("rethinkdb", body.get("causes").get(0).get("component").asText(), r.body());
        }
        System.out.println("budget adherence, hung targets: " + measured + " ms against " + limit + " ms");
    }

    private HttpResponse<String> post(HttpClient client, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/diagnose"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
