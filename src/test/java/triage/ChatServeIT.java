package triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve} from the jar switches the chat adapters on from the environment. */
class ChatServeIT {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TEAMS_TOKEN = Base64.getEncoder().encodeToString("a webhook's 32-byte security key".getBytes(StandardCharsets.US_ASCII));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process serve(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("triage.jar", "target/triage.jar"), "serve", "--port", "0").redirectErrorStream(true);
        for (String name : List.of("TRIAGE_REDIS_URL", "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "SLACK_API_URL",
                "TEAMS_WEBHOOK_SECRET", "TRIAGE_API_TOKEN")) {
            pb.environment().remove(name);
        }
        pb.environment().putAll(env);
        return pb.start();
    }

    private HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
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
        Process p = serve(Map.of("SLACK_SIGNING_SECRET", SLACK_SECRET, "TEAMS_WEBHOOK_SECRET", TEAMS_TOKEN));
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> log = new ArrayList<>();
            String base = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (base == null && System.nanoTime() < deadline) {
                String line = r.readLine();
                if (line == null) break;
                log.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) base = m.group(1);
            }
            assertNotNull(base, "no 'listening on' line: " + log);
            assertTrue(log.stream().anyMatch(l -> l.contains("chat adapters: slack, teams")), String.join("\n", log));
            Thread drain = new Thread(() -> { try { r.transferTo(java.io.Writer.nullWriter()); } catch (Exception ignored) { } });
            drain.setDaemon(true);
            drain.start();

            String challenge = "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
            long ts = Instant.now().getEpochSecond();
            String sig = "v0=" + hmacHex(SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "v0:" + ts + ":" + challenge);
            HttpResponse<String> slack = post(base + "/slack/events", challenge,
                    Map.of("X-Slack-Request-Timestamp", String.valueOf(ts), "X-Slack-Signature", sig));
            assertEquals(200, slack.statusCode(), slack.body());
            assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", slack.body());
            assertEquals(401, post(base + "/slack/events", challenge, Map.of()).statusCode());

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
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }
}
