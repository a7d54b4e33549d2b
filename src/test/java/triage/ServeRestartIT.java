package triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import triage.testing.RedisServer;
import triage.testing.ServedJar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restarted server with TRIAGE_REDIS_URL carries on a conversation begun before the restart. */
class ServeRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JsonNode say(ServedJar s, String text) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/conversations/ops-42/messages"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("text", text)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void a_conversation_survives_a_restart() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            JsonNode t1;
            try (ServedJar first = ServedJar.start(java.util.Map.of("TRIAGE_REDIS_URL", redis.url()))) {
                t1 = say(first, "nobody can log in to backoffice");
            }
            assertEquals("requests-reach-services", t1.get("nextCheck").get("id").asText());
            try (ServedJar second = ServedJar.start(java.util.Map.of("TRIAGE_REDIS_URL", redis.url()))) {
                JsonNode t2 = say(second, "yes, they show up");
                assertEquals("rethinkdb", t2.get("causes").get(0).get("component").asText());
                assertTrue(t2.get("reply").asText().matches("(?s)Most likely \\*\\*RethinkDB\\*\\* \\(0\\.\\d\\d\\).*"), t2.toString());
                assertEquals("rethinkdb-healthy", t2.get("nextCheck").get("id").asText(), "its own check before settling");
            }
        }
    }
}
