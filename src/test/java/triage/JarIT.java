package triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import triage.testing.ServedJar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shaded jar itself: its Drools wiring survives shading, and the commands of API.md work. */
class JarIT {
    private static final String JAR = System.getProperty("triage.jar", "target/triage.jar");

    private static Process start(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TRIAGE_RECALL", "true");
        return pb.start();
    }

    @Test
    void ask_json_from_the_jar_names_rethinkdb_or_the_load_balancer_first() throws Exception {
        Process p = start("ask", "--json", "can't log in");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ask did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        JsonNode body = new ObjectMapper().readTree(out);
        String top = body.get("causes").get(0).get("component").asText();
        assertTrue(top.equals("rethinkdb") || top.equals("load-balancer"), out);
    }

    @Test
    void ask_from_the_jar_loads_the_sentence_model_and_its_natives_and_reads_by_example() throws Exception {
        Process p = start("ask", "--json", "db utilisation is very high");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ask did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        JsonNode u = new ObjectMapper().readTree(out.substring(out.indexOf('{'))).get("understood").get(0);
        assertEquals("example", u.get("via").asText(), out);
        assertEquals("database-cpu-high", u.get("symptom").asText(), out);
    }

    @Test
    void lint_from_the_jar_passes() throws Exception {
        Process p = start("lint");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void serve_on_port_zero_says_where_it_listens_and_answers_what_is_sent_at_once() throws Exception {
        // sent at 'listening on', said once the runbooks have loaded: answered at once
        try (ServedJar served = ServedJar.listening(java.util.Map.of())) {
            assertTrue(served.base().matches("http://127\\.0\\.0\\.1:\\d+"), served.base());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(served.base() + "/api/diagnose"))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"observations\":[\"backoffice lists no systems\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode(), res.body());
            assertTrue(res.body().contains("\"component\":\"elasticsearch\""), res.body());
        }
    }
}
