package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "all" before a thing's name picks out its members, like "every"; before a state it is everything. */
class QuantifiersTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // everything: "all" before a state, or standing for it
            "it is all down                         | backend-down+",
            "all of it is broken                    | backend-down+",
            // members of something: the whole backend only when they are its requests or pages
            "all requests fail                      | backend-down+",
            "all the pages error out                | backend-down+",
    })
    void everything_or_the_whole_backend(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // members of one thing: their own symptom, not everything failing
            "liveness probes fail on all our api pods | health-checks-failing+",
            "all the search pages show errors          | search-works-",
    })
    void members_of_one_thing(String text, String reading) {
        String shown = Shown.readings(in, text);
        assertTrue(shown.contains(reading), shown);
        assertFalse(shown.contains("backend-down"), shown);
    }
}
