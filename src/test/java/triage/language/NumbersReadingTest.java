package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Numbers read against what they measure: only a value that is high or full counts as high or full. */
class NumbersReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a share of a resource between the low and the high bands is a level, neither high nor full
            "postgres cpu at 45%                          | database-cpu-high-",
            "the db box shows 35% cpu                     | database-cpu-high-",
            "connection pool 60% used                     | connection-pool-exhausted-",
            // the bands themselves are as before
            "postgres cpu at 97%                          | database-cpu-high+",
            "postgres cpu at 7%                           | database-cpu-high-",
    })
    void shares_of_a_resource(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a share of something that is no resource, or one on its way, is no level
            "35% of checkouts fail                        | 35 percent of checkouts fail",
            "heap went from 40% to 70%                    | heap went from 40 percent to 70 percent",
            "cpu 40% -> 60%                               | cpu 40 percent -> 60 percent",
            "cpu at 45%                                   | cpu at moderate",
            "65% disk                                     | moderate disk",
    })
    void which_shares_are_levels(String text, String rewritten) {
        assertEquals(rewritten, Notation.rewrite(text).replaceAll("\\s+", " ").strip());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // "p99" alone says slow; a value of a few hundred ms at most says otherwise
            "object storage p99 140ms                     | object-storage-slow-",
            "object storage p99 14s                       | object-storage-slow+",
    })
    void percentiles_by_their_value(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
