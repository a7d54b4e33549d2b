package triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import triage.testing.RedisServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restarted server with TRIAGE_REDIS_URL carries on a conversation begun before the restart. */
class ServeRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Server(Process process, String base) {}

    private static Server serve(String redisUrl) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("triage.jar", "target/triage.jar"), "serve", "--port", "0").redirectErrorStream(true);
        pb.environment().put("TRIAGE_REDIS_URL", redisUrl);
        Process p = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = r.readLine();
            if (line == null) break;
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> { try { r.transferTo(java.io.Writer.nullWriter()); } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                return new Server(p, m.group(1));
            }
        }
        p.destroyForcibly();
        throw new AssertionError("server did not start");
    }

    private JsonNode say(Server s, String text) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/conversations/ops-42/messages"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("text", text)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static void stop(Server s) throws InterruptedException {
        s.process().destroy();
        if (!s.process().waitFor(10, TimeUnit.SECONDS)) s.process().destroyForcibly();
    }

    @Test
    void a_conversation_survives_a_restart() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Server first = serve(redis.url());
            JsonNode t1;
            try {
                t1 = say(first, "nobody can log in to backoffice");
            } finally {
                stop(first);
            }
            assertEquals("requests-reach-services", t1.get("nextCheck").get("id").asText());
            Server second = serve(redis.url());
            try {
                JsonNode t2 = say(second, "yes, they show up");
                assertEquals("rethinkdb", t2.get("causes").get(0).get("component").asText());
                assertTrue(t2.get("reply").asText().startsWith("Then it is **RethinkDB** (0.88)"), t2.toString());
                assertNotNull(t2.get("nextCheck"));
            } finally {
                stop(second);
            }
        }
    }
}
