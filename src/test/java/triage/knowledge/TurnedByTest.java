package triage.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code turned_by}: which cues turn a symptom, read from symptoms.yaml and checked there. */
class TurnedByTest {
    @Test
    void the_shipped_knowledge_lets_only_a_negation_turn_requests_arriving_and_one_driver_failing() throws Exception {
        Knowledge k = new KnowledgeLoader().load(Path.of("knowledge"));
        assertTrue(k.symptoms().get("requests-reach-services").turnedByNegationOnly());
        assertTrue(k.symptoms().get("single-driver-fails").turnedByNegationOnly(), "how the other modules went is part of its fact");
        assertFalse(k.symptoms().get("login-works").turnedByNegationOnly(), "state turns a symptom unless it says otherwise");
    }

    @Test
    void an_unknown_value_is_a_problem_naming_the_symptom(@TempDir Path dir) throws Exception {
        // the first symptom that sets it (requests-reach-services); any later ones stay as they are
        Fixtures.knowledgeEdited(dir, "symptoms.yaml", "    turned_by: negation\n", "    turned_by: sideways\n");
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> new KnowledgeLoader().load(dir));
        assertTrue(e.getMessage().contains("'requests-reach-services' turned_by must be 'state' or 'negation', got 'sideways'"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().filter(l -> l.contains("turned_by")).count());
    }
}
