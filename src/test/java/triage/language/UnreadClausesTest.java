package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the phrases leave unread goes to reading by example with its subject: a pronoun is read as what the sentence opened on. */
class UnreadClausesTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // ("they never start" is read now: web pods not starting are a component down)
            "the web pods lost their config map and they never become ready | the web pods never become ready",
            "redis is flaky and it drops connections                 | redis drops connections",
            // nothing before the pronoun to stand for: the clause as written
            "they never start                                        | they never start",
    })
    void a_pronoun_stands_for_what_the_sentence_opened_on(String text, String gap) {
        assertTrue(in.unreadClauses(text).contains(gap), in.unreadClauses(text).toString());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "every slow trace looks like this",
            "the worker log is full of lines like these",
            "all the failed requests look the same",
            "same for each room",
            "same thing on the other floors",
    })
    void a_clause_pointing_at_what_was_pasted_is_left_to_the_paste(String text) {
        assertEquals(java.util.List.of(), in.unreadClauses(text));
        assertEquals(java.util.List.of(), in.read(text).unrecognized(), "and no puzzle either");
    }
}
