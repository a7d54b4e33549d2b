package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Readings of how PlaceOS reports are typed: an error chained to what it befell, a gerund that
 * opens a clause, an endless spinner, an "all" floated off its subject, a misspelt negation, and the
 * shipped phrases for service discovery, crashing modules and the rest of a room.
 */
class PlaceosReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // only the executes to one module fail: one driver's
            "only calls to the hoist module fail                        | single-driver-fails+",
            // what is seen once logged in says nothing of a failing login: "after I log in" is a time
            "backoffice is empty after I log in                          | backoffice-lists-systems-",
            // the refusal is the dial's: the colons before the error's tail part nothing
            "dial tcp 10.0.3.7:2379: connect: connection refused          | execute-error-etcd+",
            "core failed to register: dial tcp 10.0.3.7:2379: connect: connection refused | core-registered- execute-error-etcd+",
            // a line that already says what went wrong keeps the tail apart: no second turn of its "not"
            "could not connect to redis at 10.1.0.12:6379: no route to host | redis-healthy-",
            // a colon before anything else still parts clauses: the first clause's fault stays its own
            "login: broken, etcd: fine                                    | etcd-healthy+ login-works-",
    })
    void an_error_tail_belongs_to_what_it_befell(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // an action someone took, no health word for the error after it
            "Running power_on on a projector returns unable to connect to etcd | execute-error-etcd+",
            // a health word of its own still is one
            "running fine, etcd is down                                   | etcd-healthy-",
    })
    void a_gerund_that_opens_a_clause_is_an_action(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the login page spins forever                                 | login-works-",
            "search returns nothng                                        | search-works-",
            "the systems tab comes up empty                               | backoffice-lists-systems-",
    })
    void hangs_and_empty_results_fail(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // floated off its subject: the pods, not everything
            "the pods all crash                                           | stack-component-down+",
            "it is all broken                                             | backend-down+",
    })
    void an_all_floated_off_its_subject_says_no_more_than_it(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the service discovery keyspace is unreachable                | etcd-healthy-",
            "the camera modules keep crashing, everything else in the room works | driver-compile-error+ single-driver-fails+",
            // the "not" of a build is its state's: not succeeding fails, not failing builds
            "its driver build is not succeeding                           | driver-compile-error+",
            "the driver build is not failing                              | driver-compile-error-",
            "the valve driver errors since its dependency bump            | driver-changed+",
            // "just" before a failure says how plainly it fails, not that only it does
            "executing on the hall's blind module just fails               | execute-works-",
            // a typo of an inflected form is one of its stem; a short stem stays as typed ("exacly" is no "exec")
            "the trigers stopped firing at noon                           | triggers-work-",
            "the new core pod wont join                                   | core-joined-",
            // drivers running on no node: no core launched any
            "drivers not running on any node                              | core-joined-",
            // the signals drivers send each other are cross-driver calls; an endless spinner fails; a Redis evicting state fails
            "messages between drivers stopped                             | cross-driver-works-",
            "the list of modules is just a spinner                        | modules-load-",
            "redis is evicting session state                              | redis-healthy-",
            // Redis named by its role in the seeds; killed for memory, it is down, no leak of the api's
            "the runtime state store pod got oomkilled                    | redis-healthy-",
            "curling the api from inside the container works              | load-balancer-healthy-",
    })
    void placeos_phrases(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
