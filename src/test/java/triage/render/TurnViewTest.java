package triage.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.conversation.Turn;
import triage.engine.Triage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conversation body written field by field is, byte for byte, what Jackson made of the map it replaced. */
class TurnViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_kind_of_turn_is_written_as_the_map_was() throws IOException {
        Triage triage = Fixtures.triage();
        Conversations conversations = new Conversations(triage, new MemoryStore(100, Duration.ofHours(1), Clock.systemUTC()),
                Clock.systemUTC());
        List<String> said = List.of("nobody can log in to backoffice", "why", "requests never reach the api", "yes", "no",
                "help", "the printer is out of toner", "\"quoted\" caf\u00e9 \u2603", "reset", "login works", "why");
        int withQuestion = 0;
        for (String text : said) {
            Turn turn = conversations.handle("c1", text);
            if (turn.question() != null) withQuestion++;
            String reply = ChatText.render(turn, ChatText.Style.MARKDOWN);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(out)) {
                TurnView.write(g, new JsonView(), turn, reply);
            }
            assertEquals(JSON.writeValueAsString(MapViews.turn(turn, reply)), out.toString(StandardCharsets.UTF_8), text);
        }
        assertTrue(withQuestion > 0 && withQuestion < said.size(), "turns with a question: " + withQuestion);
    }
}
