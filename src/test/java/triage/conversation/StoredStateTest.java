package triage.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import triage.model.Observation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversations stored in Redis by an earlier version still read, and new ones are written in the same shape. */
class StoredStateTest {
    private final ObjectMapper json = StoredState.mapper();

    @Test
    void a_conversation_stored_before_observations_were_the_model_type_still_reads() throws Exception {
        String stored = """
                {"id":"c1","observations":[{"symptom":"login-works","present":false,"text":"can't log in","source":"text"},
                 {"symptom":"requests-reach-services","present":true,"text":"yes","source":"answer"}],
                 "lastAsked":"backoffice-lists-systems","runbooks":["placeos"],"turns":2,"updatedAt":"2026-01-01T00:00:00Z"}""";
        ConversationState s = json.readValue(stored, ConversationState.class);
        assertEquals(2, s.observations().size());
        Observation first = s.observations().get(0);
        assertEquals("login-works", first.getSymptom());
        assertFalse(first.isPresent());
        assertEquals("can't log in", first.getText());
        assertEquals(Observation.TEXT, first.getSource());
        assertEquals(Observation.ANSWER, s.observations().get(1).getSource());
        assertEquals("backoffice-lists-systems", s.lastAsked());
        assertEquals(Set.of("placeos"), s.runbooks());
    }

    @Test
    void an_observation_is_written_as_it_always_was() throws Exception {
        ConversationState s = new ConversationState("c2", List.of(new Observation("login-works", true, "I can log in", "text")),
                null, Set.of(), 1, Instant.parse("2026-01-01T00:00:00Z"));
        JsonNode o = json.readTree(json.writeValueAsString(s)).get("observations").get(0);
        assertEquals(List.of("symptom", "present", "text", "source"), iterable(o));
        assertTrue(o.get("present").asBoolean());
        ConversationState back = json.readValue(json.writeValueAsString(s), ConversationState.class);
        assertEquals("I can log in", back.observations().get(0).getText());
    }

    private static List<String> iterable(JsonNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
