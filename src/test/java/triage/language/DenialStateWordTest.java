package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A phrase that denies its symptom ("modules list empty") owns its word of state: no other phrase
 * shares it, and a fault named beside it never turns the denial into its opposite. Commands sent
 * to devices are executes.
 */
class DenialStateWordTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // "every" scopes the list; it is not "everything" failing
            "the modules list on every system is empty             | modules-load-",
            "on each room the modules list stays empty             | modules-load-",
            // a word of state a says-phrase took is still shared: both are down
            "haproxy backend DOWN                                  | backend-down+ load-balancer-healthy-",
            "redis and etcd are down                               | etcd-healthy- redis-healthy-",
            "everything is down                                    | backend-down+",
            // a plain phrase inside a denial's window takes the state word after it, never its "not"
            "backoffice search empty, the rest is fine             | backoffice-lists-systems- search-works-",
            "not a spike: memory never comes back down after the traffic peaks | load-above-normal- memory-growing+",
            // a fault named without other cues still says what it names failed
            "executing a function, response says no core instances | execute-error-no-core+ execute-works-",
    })
    void a_denial_owns_its_state_word(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a command sent to a device is an execute on its module; a device that ignores it fails it
            "the room panel ignores our commands                   | execute-works-",
            "commands from backoffice work                         | execute-works+",
            "sending a command to the projector fails              | execute-works-",
    })
    void commands_are_executes(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
