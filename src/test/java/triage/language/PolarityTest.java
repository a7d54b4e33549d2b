package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which way a clause goes about a symptom by its cues alone, as reading by example takes it. */
class PolarityTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{1}\" about {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // no denial: no cue at all, so the example's own way holds (a fault's example says it present)
            "all-views-slow | not just one endpoint       | ",
            "all-views-slow | not only the checkout page  | ",
            "all-views-slow | not every endpoint          | false",
            "login-works    | it does not                 | false",
            "login-works    | works now                   | true",
            "login-works    | the checkout page           | ",
    })
    void not_just_is_more_not_less(String symptom, String text, Boolean expected) {
        assertEquals(expected, in.polarityAbout(symptom, text));
    }
}
