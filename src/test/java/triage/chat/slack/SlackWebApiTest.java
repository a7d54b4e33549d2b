package triage.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Web API client tries again: only what cannot have been delivered. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlackWebApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void a_refused_connection_is_tried_again_and_the_post_goes_out_once_slack_is_back() throws Exception {
        int port = freePort();
        URI base = URI.create("http://127.0.0.1:" + port + "/api");
        try (SlackWebApi api = new SlackWebApi(new SlackWebApi.Settings(base, "xoxb-test", Duration.ofSeconds(1),
                Duration.ofSeconds(2), 3, Duration.ofMillis(1500)), JSON)) {
            ObjectNode message = JSON.createObjectNode().put("channel", "C1").put("text", "hello");
            long t0 = System.nanoTime();
            CompletableFuture<Boolean> sent = api.postMessage("slack:T1:C1:1.1", message);
            Thread.sleep(500);  // the first try has been refused by now; Slack comes back before the second
            try (SlackStandIn slack = SlackStandIn.start(port)) {
                assertTrue(sent.get(10, TimeUnit.SECONDS), "delivered on a later try");
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms >= 1400, "after the 1.5 s pause, so the first try was refused: " + ms + " ms");
                assertEquals(1, slack.posts().size());
                assertEquals("hello", slack.posts().get(0).body().path("text").asText());
            }
        }
    }

    @Test
    void a_server_error_on_a_response_url_is_tried_again() throws Exception {
        try (SlackStandIn slack = SlackStandIn.start();
             SlackWebApi api = new SlackWebApi(new SlackWebApi.Settings(slack.api(), "xoxb-test", Duration.ofSeconds(1),
                     Duration.ofSeconds(2), 3, Duration.ofMillis(20)), JSON)) {
            String hook = slack.hook("1232321423432/D09sSasdasdAS9091209");
            slack.script(URI.create(hook).getPath(), new SlackStandIn.Script(500, "internal error", 0));
            assertTrue(api.respond("slack:T1:C1:u:U1", hook, JSON.createObjectNode().put("text", "hi")).get(10, TimeUnit.SECONDS));
            assertEquals(2, slack.calls(URI.create(hook).getPath()).size(), "a 500, then delivered");
        }
    }
}
