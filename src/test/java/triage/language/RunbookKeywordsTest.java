package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A runbook's keyword of several words is named when they stand side by side, not anywhere in the text. */
class RunbookKeywordsTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource(delimiter = '|', value = {
            "the staff api returns 500 for everyone                  | [placeos]",
            "502s on api/staff/auth, the pods look fine               | [placeos]",
            "the api slows to a crawl every day when the staff start work | []",
    })
    void keywords_of_several_words_stand_together(String text, String runbooks) {
        assertEquals(runbooks, in.read(text).runbooks().toString());
    }
}
