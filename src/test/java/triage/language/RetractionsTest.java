package triage.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import triage.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A message that takes back what came before leaves nothing read: the bot stays unsure. */
class RetractionsTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest
    @ValueSource(strings = {"nevermind, it was my own desktop", "false alarm", "nvm, it was my browser cache",
            "sorry, I had opened the test site", "that was a scheduled failover drill"})
    void retractions(String text) {
        assertTrue(in.retracts(text));
        assertEquals(List.of(), in.read(List.of("the site is down!!", text)).readings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"it was not the database", "restarted core, works now", "it was our database all along",
            "my laptop cannot log in to backoffice"})
    void no_retractions(String text) {
        assertFalse(in.retracts(text));
    }

    /** The shapes are tried only where a word begins with a leading word's first letter: whole words still. */
    @Test
    void a_retraction_is_found_anywhere_in_a_long_text_and_only_as_whole_words() {
        String filler = "login fails and the queue grows, workers are slow; ".repeat(200);
        assertTrue(in.retracts(filler + "oh, false   alarm"));
        assertTrue(in.retracts("False Alarm " + filler));
        assertTrue(in.retracts(filler + "\u2019it was on our home wifi\u2019 " + filler));
        assertFalse(in.retracts(filler + "unplanned test, xfalse alarm, nvmx, it wasn't my laptop"));
        assertFalse(in.retracts(filler + "false alarms"));
    }

    @Test
    void what_comes_after_a_retraction_is_read() {
        assertFalse(in.read(List.of("site down", "false alarm", "nobody can log in")).readings().isEmpty());
    }

    @Test
    void the_words_are_the_lexicons() {
        Retractions none = new Retractions(triage.knowledge.Lexicon.Retractions.NONE);
        assertFalse(none.retracts("false alarm"));
        Retractions own = new Retractions(new triage.knowledge.Lexicon.Retractions(List.of("oops wrong room"),
                List.of("kettle"), null, null, null, null, null, null));
        assertTrue(own.retracts("Oops  wrong room, sorry"));
        assertTrue(own.retracts("it was just my own kettle"));
        assertFalse(own.retracts("false alarm"), "only the lexicon's phrases");
        assertFalse(own.retracts("oops wrong roommate"), "whole words");
    }

    @Test
    void a_shape_takes_its_optional_sort() {
        Retractions r = new Retractions(new triage.knowledge.Lexicon.Retractions(null, null, null, null, null,
                List.of("planned"), List.of("failover"), List.of("drill")));
        assertTrue(r.retracts("that was a planned failover drill"));
        assertTrue(r.retracts("that was a planned drill"));
        assertFalse(r.retracts("that was a planned migration"));
    }
}
