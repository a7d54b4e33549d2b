package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Clauses typed without their commas are parted after the state said of the first. */
class RunOnsTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "redis fine etcd down                  | etcd-healthy- redis-healthy+",
            "login broken requests arriving at the api | login-works- requests-reach-services+",
            // a state after a stopword or a number qualifies what follows: no break
            "the broken login page                 | login-works-",
            // a state said of a place ("from inside the cluster") is one clause with it: the balancer is bypassed
            "api containers ok from inside the cluster | load-balancer-healthy-",
    })
    void a_state_between_two_names_ends_the_first_clause(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
