package triage.engine;

import org.junit.jupiter.api.Test;
import triage.model.Observation;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AskingTest {
    @Test
    void a_persons_own_answers_are_replies_and_text_after_the_first_message() {
        Observation opening = new Observation("login-works", false, "nobody can log in", Observation.TEXT);
        Observation sameWords = new Observation("search-works", false, "nobody can log in", Observation.TEXT);
        Observation later = new Observation("requests-reach-services", true, "the requests do arrive", Observation.TEXT);
        Observation reply = new Observation("rethinkdb-healthy", false, "no", Observation.ANSWER);
        Observation inferred = Observation.inferred("execute-works", false);
        Predicate<Observation> own = Asking.ownAnswers(List.of(opening, sameWords, later, reply, inferred));
        assertFalse(own.test(opening), "the first message raised the suspicion; it answers no question");
        assertFalse(own.test(sameWords), "another reading of the first message is still the first message");
        assertTrue(own.test(later));
        assertTrue(own.test(reply));
        assertFalse(own.test(inferred), "what the rules inferred is nobody's answer");
    }
}
