package triage.app;

import org.junit.jupiter.api.Test;
import triage.conversation.Conversations;
import triage.conversation.Turn;
import triage.model.ProbeResult;
import triage.render.ChatText;
import triage.testing.RedisServer;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a conversation of an app wired as {@code serve} wires it, "check" runs the live checks and their results count as evidence. */
class ConversationCheckIT {
    @Test
    void the_bot_offers_to_check_and_a_check_moves_the_diagnosis() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> env = new HashMap<>(Map.of("TRIAGE_PROBE_REDIS", redis.url(), "TRIAGE_PROBE_ETCD", "off",
                    "TRIAGE_PROBE_RETHINKDB", "off", "TRIAGE_PROBE_ELASTICSEARCH", "off", "TRIAGE_PROBE_DNS", "off",
                    "TRIAGE_PROBE_CACHE_MS", "0"));
            String cache = System.getenv("TRIAGE_CACHE");
            if (cache != null) env.put("TRIAGE_CACHE", cache);
            Config config = Config.from(new Config.Flags(null, null, 0, null, false, null, null), env, null);
            try (App app = App.start(config)) {
                Conversations chat = app.conversations();

                Turn first = chat.handle("c", "status changes stopped coming through");
                assertEquals("redis", first.diagnosis().top().component());
                assertTrue(ChatText.render(first, ChatText.Style.MARKDOWN).contains("I can check redis for you: say \"check\""),
                        ChatText.render(first, ChatText.Style.MARKDOWN));

                redis.stop();
                Turn down = chat.handle("c", "check it");
                assertEquals(1, down.checked().size());
                assertTrue(down.checked().get(0).status() != ProbeResult.Status.UP, down.checked().toString());
                assertEquals("redis", down.diagnosis().top().component());
                assertTrue(down.diagnosis().top().confidence() > first.diagnosis().top().confidence(),
                        "the live check adds to what was said");
                assertTrue(down.heard().stream().anyMatch(u -> u.getSource().equals("probe")), down.heard().toString());
                assertTrue(ChatText.render(down, ChatText.Style.MARKDOWN).startsWith("**Checked:** redis "),
                        ChatText.render(down, ChatText.Style.MARKDOWN));
            }
        }
    }
}
