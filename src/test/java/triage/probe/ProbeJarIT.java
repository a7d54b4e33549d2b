package triage.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live checks from the shaded jar, configured the way an operator does (TRIAGE_PROBE_* variables),
 * against a real redis-server that needs a password: the password is used, and appears nowhere.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ProbeJarIT {
    private static final String JAR = System.getProperty("triage.jar", "target/triage.jar");
    private static final String PASSWORD = "c0rrect-h0rse";
    /**
     * The live checks' budget: the first check loads the Redis client's classes, seconds on a
     * loaded two-core machine that other suites share; a check over it would read "timeout".
     */
    private static final int BUDGET_MS = 60_000;
    /** How long a command or a start may take on such a machine, with a wide margin. */
    private static final int SECONDS = 240;

    @TempDir Path dir;
    private LocalServer redis;
    private Process serve;

    @AfterEach
    void stop() throws Exception {
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
        if (redis != null) redis.close();
    }

    /** Only Redis is checked: every other component's check is switched off. */
    private ProcessBuilder jar(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("TRIAGE_PROBE_REDIS", "redis://:" + PASSWORD + "@127.0.0.1:" + redis.port + "?queue_db=4");
        env.put("TRIAGE_PROBE_ETCD", "off");
        env.put("TRIAGE_PROBE_RETHINKDB", "off");
        env.put("TRIAGE_PROBE_ELASTICSEARCH", "off");
        env.put(ProbeSettings.QUEUE_GAP, "200");
        env.put(ProbeSettings.BUDGET, Integer.toString(BUDGET_MS));
        return pb;
    }

    private static void drain(BufferedReader r) {
        Thread t = new Thread(() -> {
            try {
                while (r.readLine() != null) { /* the log was read up to what the test needed */ }
            } catch (java.io.IOException ended) {
                // the process ended
            }
        }, "serve-log");
        t.setDaemon(true);
        t.start();
    }

    @Test
    void ask_probe_reports_what_it_checked_and_counts_it() throws Exception {
        redis = LocalServer.redis(dir, "--requirepass", PASSWORD);
        Process p = jar("ask", "--probe", "--json", "status changes and signals stopped working").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(SECONDS, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains(PASSWORD), out);
        JsonNode body = new ObjectMapper().readTree(out);
        JsonNode probes = body.get("probes");
        assertEquals(1, probes.size(), out);
        assertEquals("redis", probes.get(0).get("component").asText());
        assertEquals("up", probes.get(0).get("status").asText(), out);
        assertEquals("redis://:***@127.0.0.1:" + redis.port, probes.get(0).get("target").asText());
        assertTrue(probes.get(0).get("detail").asText().contains("db 4: 0 -> 0 keys"), out);
        // stopped signals alone blame Redis; the live check says it answers
        for (JsonNode c : body.get("causes")) assertFalse(c.get("component").asText().equals("redis"), out);

        Process text = jar("ask", "--probe", "status changes and signals stopped working").start();
        String plain = new String(text.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.waitFor(SECONDS, TimeUnit.SECONDS));
        assertEquals(0, text.exitValue(), plain);
        assertTrue(plain.startsWith("Checked:\n  redis  up "), plain);
        assertFalse(plain.contains(PASSWORD), plain);
    }

    @Test
    void serve_builds_the_prober_at_start_and_probe_true_uses_it() throws Exception {
        redis = LocalServer.redis(dir, "--requirepass", PASSWORD);
        serve = jar("serve", "--port", "0").start();
        BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        String base = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        // it listens first and names its live checks once the runbooks they come from have loaded
        while ((base == null || !log.toString().contains("live checks")) && System.nanoTime() < until) {
            String line = r.readLine();
            if (line == null) break;
            log.append(line).append('\n');
            Matcher m = listening.matcher(line);
            if (m.find()) base = m.group(1);
        }
        assertNotNull(base, "no 'listening on' line: " + log);
        drain(r);  // the server's later lines must not fill the pipe and block its logging
        assertTrue(log.toString().contains("live checks (" + BUDGET_MS + " ms budget): redis=redis://:***@127.0.0.1:" + redis.port), log.toString());
        assertFalse(log.toString().contains(PASSWORD), log.toString());

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(base + "/api/diagnose"))
                .timeout(Duration.ofMillis(BUDGET_MS).plusSeconds(SECONDS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"observations\":[\"modules do not load\"],\"probe\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.println("serve, first probe:true answer: " + ms + " ms: " + res.body());
        assertEquals(200, res.statusCode(), res.body());
        assertFalse(res.body().contains(PASSWORD), res.body());
        JsonNode body = new ObjectMapper().readTree(res.body());
        assertEquals("up", body.get("probes").get(0).get("status").asText(), res.body());
        boolean probed = false;
        for (JsonNode u : body.get("understood")) {
            if (u.get("source").asText().equals("probe") && u.get("symptom").asText().equals("redis-healthy")) probed = u.get("present").asBoolean();
        }
        assertTrue(probed, res.body());
    }
}
