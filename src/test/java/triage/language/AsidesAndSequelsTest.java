package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Readings of session 17's classes: a list in parentheses is an aside, "then" tells how its subject
 * went, a label states what it labels even with words unread, a display is a device, an empty list
 * is empty, a system opened by its address is the API answering, a component's pod not scheduled is
 * that component down, and a typo is not corrected into a negation two edits away.
 */
class AsidesAndSequelsTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the commas inside the parentheses list an aside: the clause's predicate is the list's
            "the module lists for every system (lighting, blinds, the lot) fail to load | modules-load-",
            // after a negation the parenthesis is the speaker's evidence: its commas part its facts
            "db not busy (cpu 15%, no disk queue)                       | database-cpu-high- database-disk-queue-high-",
    })
    void a_list_in_parentheses_is_an_aside(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the login page submits and then gets a 500                    | login-works-",
            "I click sign in and then it spins forever                     | login-works-",
            // what follows "then" with a subject of its own is its own fact
            "the systems list loads and then the modules tab is empty      | backoffice-lists-systems+ modules-load-",
    })
    void what_happens_then_is_how_its_subject_went(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a label naming nothing states what it labels, words unread or not
            "Not working: login from anywhere outside                      | login-works-",
            // but not against a phrase that states its own fact
            "Not organic load: real user count is normal                   | genuine-load-",
    })
    void a_label_states_what_it_labels(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a display is a device: "display modules" are no module list
            "executes to the display modules fail, the other modules in those systems work | execute-works- single-driver-fails+",
            // an empty JSON list is empty
            "the listing api gives back [] for the systems page            | backoffice-lists-systems- most-api-works-",
            // a system opened by its own address is the API serving it, not the list
            "systems list empty, but if i open a system by its direct url it loads | backoffice-lists-systems- most-api-works+",
            // a PlaceOS component's pod not scheduled is that component down, no web-stack component
            "the elastic pod has been Pending since its node was drained   | elasticsearch-healthy-",
    })
    void devices_lists_and_pods(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a typo two edits from a negation is not corrected into one: it would turn the fact
            "somthing is wrong with redis                                  | redis-healthy-",
            "nothng is wrong with redis                                    | redis-healthy+",
            // a value inside a phrase's window says something: the part is not a bare name
            "hikari pool at max, threads wait 30s for a connection, db cpu 4 percent | connection-pool-exhausted+ database-cpu-high-",
    })
    void typos_into_negations_and_values_in_windows(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
