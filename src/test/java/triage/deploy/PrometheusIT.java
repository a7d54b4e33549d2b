package triage.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.app.App;
import triage.app.Config;
import triage.engine.Said;
import triage.testing.RedisServer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's prometheus on loopback with deploy/prometheus/ (its scrape config pointed at a running
 * Triage, intervals shortened): it scrapes Triage's series, and Triage's alert rules load.
 */
class PrometheusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    private static JsonNode query(int port, String promql) throws IOException, InterruptedException {
        JsonNode r = get(port, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return r == null ? JSON.createArrayNode() : r.path("data").path("result");
    }

    @Test
    void prometheus_scrapes_triage_and_loads_its_rules(@TempDir Path dir) throws Exception {
        String rulesCheck = run("promtool", "check", "rules", "deploy/prometheus/triage-rules.yml");
        System.out.println("prometheus IT: " + rulesCheck.replace("\n", " | "));
        Map<String, String> env = new HashMap<>(Map.of("TRIAGE_PROBE_ETCD", "off", "TRIAGE_PROBE_RETHINKDB", "off",
                "TRIAGE_PROBE_ELASTICSEARCH", "off", "TRIAGE_PROBE_DNS", "off", "TRIAGE_PROBE_REDIS", "off"));
        String cache = System.getenv("TRIAGE_CACHE");
        if (cache != null) env.put("TRIAGE_CACHE", cache);
        try (App app = App.start(Config.from(new Config.Flags(null, null, 0, null, false, null, null), env, null))) {
            app.triage().answer(Said.text("nobody can log in"));
            Files.copy(Path.of("deploy/prometheus/triage-rules.yml"), dir.resolve("triage-rules.yml"));
            String config = Files.readString(Path.of("deploy/prometheus/prometheus.yml"))
                    .replace("scrape_interval: 15s", "scrape_interval: 1s")
                    .replace("evaluation_interval: 15s", "evaluation_interval: 1s")
                    .replace("'127.0.0.1:8080'", "'127.0.0.1:" + app.port() + "'");
            assertTrue(config.contains("127.0.0.1:" + app.port()), config);
            Files.writeString(dir.resolve("prometheus.yml"), config);
            System.out.println("prometheus IT: " + run("promtool", "check", "config", dir.resolve("prometheus.yml").toString())
                    .replace("\n", " | "));
            int port = RedisServer.freePort();
            Process prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                JsonNode series = JSON.createArrayNode();
                while (System.nanoTime() < deadline) {
                    try {
                        series = query(port, "triage_diagnosis_seconds_count{job=\"triage\"}");
                        // its own scrapes are counted by the scrape after them
                        if (!series.isEmpty() && !query(port, "triage_http_requests_seconds_count{route=\"/metrics\"}").isEmpty()) break;
                    } catch (IOException e) {
                        // not listening yet
                    }
                    assertTrue(prometheus.isAlive(), Files.readString(dir.resolve("prometheus.log")));
                    Thread.sleep(250);
                }
                assertEquals(1, series.size(), "Triage's diagnosis histogram scraped: " + series);
                assertTrue(series.get(0).path("value").get(1).asDouble() >= 1, series.toString());
                assertEquals("1", query(port, "up{job=\"triage\"}").get(0).path("value").get(1).asText());
                List<String> names = new ArrayList<>();
                get(port, "/api/v1/label/__name__/values").path("data").forEach(n -> {
                    if (n.asText().startsWith("triage_")) names.add(n.asText());
                });
                assertTrue(names.containsAll(List.of("triage_http_requests_seconds_count", "triage_diagnosis_seconds_bucket",
                        "triage_observations_unrecognized_total")), names.toString());

                JsonNode groups = get(port, "/api/v1/rules").path("data").path("groups");
                assertEquals(1, groups.size(), groups.toString());
                List<String> rules = new ArrayList<>();
                for (JsonNode r : groups.get(0).path("rules")) {
                    assertTrue(!"err".equals(r.path("health").asText()), r.toString());
                    rules.add(r.path("name").asText());
                }
                assertEquals(List.of("TriageDown", "TriageRulesRejected", "TriageLiveChecksFailing", "TriageErrorRate",
                        "TriageSlowDiagnoses"), rules);
                System.out.println("prometheus IT: scraped " + names.size() + " triage_* series names " + names
                        + "; rules loaded: " + rules);
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(10, TimeUnit.SECONDS)) prometheus.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
