package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A negation before a name and a noun of fault, alone or shared over "or"; misspelt contractions. */
class CoordinationTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "no redis problems                       | redis-healthy+",
            // not the error "no core instances"
            "no core errors                          | core-running+",
            // shared over "or": said of each
            "no etcd or core errors                  | core-running+ etcd-healthy+",
            // the error itself still reads as one, also named with a singular "error" after it
            "the response says no core instances     | execute-error-no-core+ execute-works-",
            "executing gives a no core instances error | execute-error-no-core+ execute-works-",
            // the usual misspellings of contractions negate
            "the search box dosnt find anything      | search-works-",
    })
    void a_negation_reaches_over_a_name_to_its_fault(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
