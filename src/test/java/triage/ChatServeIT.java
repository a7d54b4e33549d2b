package triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import triage.testing.ServedJar;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve} from the jar switches the chat adapters on from the environment. */
class ChatServeIT {
    private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TEAMS_TOKEN = Base64.getEncoder().encodeToString("a webhook's 32-byte security key".getBytes(StandardCharsets.US_ASCII));
    /** What a request may take on a loaded two-core machine that other suites share (the first answer warms the engine). */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hmacHex(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void serve_with_both_secrets_answers_slack_and_teams() throws Exception {
        try (ServedJar served = ServedJar.start(Map.of("SLACK_SIGNING_SECRET", SLACK_SECRET, "TEAMS_WEBHOOK_SECRET", TEAMS_TOKEN))) {
            String base = served.base();
            List<String> log = served.log();
            assertTrue(log.stream().anyMatch(l -> l.contains("chat adapters: slack, teams")), String.join("\n", log));

            String challenge = "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
            long ts = Instant.now().getEpochSecond();
            String sig = "v0=" + hmacHex(SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "v0:" + ts + ":" + challenge);
            HttpResponse<String> slack = post(base + "/slack/events", challenge,
                    Map.of("X-Slack-Request-Timestamp", String.valueOf(ts), "X-Slack-Signature", sig));
            assertEquals(200, slack.statusCode(), slack.body());
            assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", slack.body());
            assertEquals(401, post(base + "/slack/events", challenge, Map.of()).statusCode());

            // Teams waits 4 s for an answer, and the first one of a cold JVM on a loaded machine may take
            // longer (the adapter then says so): the same words through the API first warm the rules
            HttpResponse<String> warm = post(base + "/api/diagnose", "{\"observations\": [\"nobody can log in to backoffice\"]}",
                    Map.of());
            assertEquals(200, warm.statusCode(), warm.body());

            String activity = "{\"type\":\"message\",\"id\":\"1485983408511\",\"timestamp\":\"" + Instant.now() + "\","
                    + "\"channelId\":\"msteams\",\"from\":{\"id\":\"29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85g\",\"name\":\"Tim Jones\"},"
                    + "\"conversation\":{\"isGroup\":true,\"id\":\"19:253b1f341670408fb6fe5bf06e8da8ff@thread.skype;messageid=1485983194839\"},"
                    + "\"textFormat\":\"plain\",\"text\":\"<at>Triage</at> nobody can log in to backoffice\"}";
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(TEAMS_TOKEN), "HmacSHA256"));
            String hmac = "HMAC " + Base64.getEncoder().encodeToString(mac.doFinal(activity.getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> teams = post(base + "/teams/webhook", activity, Map.of("Authorization", hmac));
            assertEquals(200, teams.statusCode(), teams.body());
            String text = new ObjectMapper().readTree(teams.body()).path("text").asText();
            assertTrue(text.startsWith("Most likely **RethinkDB**"), teams.body());
        }
    }
}
