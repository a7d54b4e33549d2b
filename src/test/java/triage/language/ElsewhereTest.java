package triage.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sentences about things no runbook covers are read as nothing, and are no puzzle; one naming a component of ours is read. */
class ElsewhereTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" says nothing of the systems")
    @ValueSource(strings = {
            "the espresso machine on floor two is leaking again",
            "the photocopier keeps timing out when I scan, not the network, not the drivers",
            "can someone reset my vpn password, I got locked out",
            "git push is rejected: failed to push some refs to the ops repo",
    })
    void a_sentence_about_things_elsewhere_reads_as_nothing(String text) {
        Interpretation r = in.read(text);
        assertTrue(r.readings().isEmpty(), r.readings()::toString);
        assertTrue(r.unrecognized().isEmpty(), r.unrecognized()::toString);
        assertEquals(java.util.List.of(text), r.elsewhere());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a component of ours named by its own name keeps the sentence about the systems
            "the printer service cannot reach the database, every query times out | database-blocking+",
            // only the sentence about the kettle goes: the rest is read
            "the kettle is broken again. redis is down                             | redis-healthy-",
            // and only the clause about the printer: the one an "and" joins to it is read
            "login fails and the printer on floor two jammed                      | login-works-",
    })
    void what_names_a_component_of_ours_is_read(String text, String reading) {
        assertTrue(Shown.readings(in, text).contains(reading), () -> Shown.readings(in, text));
    }

    @Test
    void a_clause_that_names_nothing_goes_with_the_one_before_it() {
        Interpretation r = in.read("the vending machine keeps rejecting cards and timing out");
        assertTrue(r.readings().isEmpty(), r.readings()::toString);
        assertEquals(java.util.List.of(), in.unreadClauses("login fails and the printer on floor two jammed"));
    }

    @Test
    void a_word_that_only_sounds_like_it_is_no_topic_of_its_own() {
        // traffic going "elsewhere" is a reading of the name, not a sentence about office equipment
        assertTrue(in.read("the apex record points at a stale origin, traffic is going elsewhere").elsewhere().isEmpty());
    }
}
