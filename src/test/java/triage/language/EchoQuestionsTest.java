package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Answers given in one breath: an echoed question and its answer, a "no" before a denial of its own. */
class EchoQuestionsTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "heap? yes, it rises every hour        | heap - it rises every hour",
            // a "no" right before its own denial answers; it does not cancel the denial
            "no not the api                        | no, not the api",
            "nope it is not the cache              | nope, it is not the cache",
            // a "no" that opens a statement, or one before anything else, stays
            "no requests reach the api             | no requests reach the api",
            "nobody can log in                     | nobody can log in",
    })
    void an_answer_in_one_breath(String text, String rewritten) {
        assertEquals(rewritten, EchoQuestions.rewrite(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "no not the db      | database-blocking-",
    })
    void a_no_before_a_denial_denies_once(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
