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

    @Test
    void a_clause_of_the_first_message_read_by_example_is_the_first_message_too() {
        String first = "short outages at lunch, db cpu and the slow query log are both clean";
        Observation phrase = new Observation("short-outages", true, first, Observation.TEXT);
        Observation clause = Observation.byExample("database-cpu-high", false, "db cpu and the slow query log are both clean",
                "database CPU is normal", 0.8);
        Observation later = new Observation("memory-growing", false, "memory is flat", Observation.TEXT);
        Observation reply = new Observation("connection-pool-exhausted", true, "yes", Observation.ANSWER);
        Observation after = new Observation("slow-queries", true, "slow query log is full", Observation.TEXT);
        List<Observation> said = List.of(phrase, clause, later, reply, after);
        Predicate<Observation> opening = Asking.opening(said);
        assertTrue(opening.test(phrase));
        assertTrue(opening.test(clause), "a clause is part of the first message's text");
        assertFalse(opening.test(later), "a second message stated before any answer is not the first");
        assertFalse(opening.test(after));
        Predicate<Observation> own = Asking.ownAnswers(said);
        assertFalse(own.test(clause), "the clause answers no question");
        assertTrue(own.test(later) && own.test(reply) && own.test(after));
    }
}
