package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.conversation.Turn;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of turn as Block Kit within Slack's limits. */
class SlackBlocksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Conversations CHAT = new Conversations(Fixtures.triage(),
            new MemoryStore(10, Duration.ofHours(1), Clock.systemUTC()), Clock.systemUTC());
    private final SlackBlocks blocks = new SlackBlocks(JSON);

    private static void withinLimits(ObjectNode m) {
        String all = m.toString();
        assertTrue(all.length() < 12_000, "small: " + all.length());
        JsonNode b = m.path("blocks");
        assertTrue(b.size() >= 1 && b.size() <= SlackBlocks.MAX_BLOCKS, "blocks: " + b.size());
        assertTrue(m.path("text").asText().length() <= SlackBlocks.MAX_SECTION);
        for (JsonNode block : b) {
            assertTrue(block.path("text").path("text").asText().length() <= SlackBlocks.MAX_SECTION);
            for (JsonNode el : block.path("elements")) {
                if (el.path("type").asText().equals("button")) {
                    assertTrue(el.path("text").path("text").asText().length() <= 75);
                    assertTrue(el.path("value").asText().length() <= 2000);
                } else {
                    assertTrue(el.path("text").asText().length() <= SlackBlocks.MAX_SECTION);
                }
            }
        }
    }

    @Test
    void every_kind_of_turn_fits_slacks_limits() {
        String id = "slack:T1:C1:1.2";
        List<Turn> turns = List.of(CHAT.handle(id, "help"), CHAT.handle(id, "nobody can log in to backoffice"),
                CHAT.handle(id, "why?"), CHAT.handle(id, "yes"), CHAT.handle(id, "why?"),
                CHAT.handle(id, "start over"), CHAT.handle(id, "<!channel> " + "gibberish ".repeat(190)));
        for (Turn t : turns) {
            ObjectNode m = blocks.message(t, id);
            withinLimits(m);
            assertFalse(m.toString().contains("<!channel>"), "escaped");
            boolean buttons = m.toString().contains("\"type\":\"actions\"");
            assertEquals(t.question() != null, buttons, "buttons exactly when there is a question: " + m);
        }
    }

    @Test
    void a_huge_diagnosis_is_cut_to_the_budget_and_keeps_its_buttons() {
        String long1 = "an observation that goes on and on ".repeat(150);
        List<Cause> causes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            causes.add(new Cause("c" + i, "C" + i, "Component " + i, 0.9 - i * 0.1, List.of(long1, long1), List.of(long1),
                    "runbook", "rule " + i, List.of(), long1, long1));
        }
        Diagnosis d = new Diagnosis(causes, causes, List.of(), List.of(), List.of(), List.of());
        Check q = new Check("login-works", "Can people log in? " + long1, long1, 1.0);
        ObjectNode m = blocks.message(new Turn(Turn.Kind.DIAGNOSIS, d, q, false, List.of(), long1, true, List.of(), List.of(), Fixtures.shipped().knowledge()), "slack:T1:C1:1.2");
        withinLimits(m);
        assertTrue(m.toString().contains("triage_yes") && m.toString().contains("triage_no"), "the buttons survive");
        assertEquals("_I could not reach my memory of this conversation, so I am answering from this message alone._",
                m.path("blocks").get(0).path("elements").get(0).path("text").asText());
    }

    @Test
    void escaping_and_bars() {
        assertEquals("a &lt;@U1&gt; &amp; b", SlackBlocks.escape("a <@U1> & b"));
        assertEquals("\u25B0\u25B0\u25B0\u25B0\u25B0\u25B0\u25B1\u25B1\u25B1\u25B1", SlackBlocks.bar(0.6));
        assertEquals("abc...", SlackBlocks.clip("abcdefghij", 6));
        assertEquals("ab...", SlackBlocks.clip("ab&amp;cdefgh", 8), "an escape is never cut in half");
        assertEquals("login fails @here #incidents see the widget <3", SlackText.plain(
                "<@U0LAN0Z89>  login fails <!here> <#C123|incidents> see <https://x.example|the widget> &lt;3"));
    }
}
