package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bare noun phrase shares its neighbour's predicate only when that neighbour speaks of the same
 * kind of symptom, or says nothing but how things went; the other modules answering confines a
 * failure to some drivers.
 */
class SharedPredicateTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // shared: same kind, or a clause of state alone
            "login and search, both failing                         | login-works- search-works-",
            "most api calls fail, sign-in included                  | login-works- most-api-works-",
            // not lent: an unread subject's "ok", or a working symptom's "ok" to a fault
            "lists ok, every other module executes                  | single-driver-fails+",
            "login ok, every other module executes                  | login-works+ single-driver-fails+",
            // a phrase holding a level or a change states its own fact (lexicon: levels)
            "organic traffic 3x, per-view p50 flat                  | genuine-load+ workers-blocked-",
            // busy is not blocked; views as fast as usual say nothing holds the workers up
            "all the daphne workers are busy, every view is quick     | workers-all-busy+ workers-blocked-",
            // across "and" a word of state the far clause's own subject took is not shared when the near clause
            // says its own fact; a list of subjects still shares it
            "the web nodes go to 100% cpu and the api times out     | database-cpu-high+ most-api-works-",
            "redis and etcd are down                                | etcd-healthy- redis-healthy-",
            // an opening clause still takes what the next one says
            "when I open the systems tab, the list never fills in   | backoffice-lists-systems-",
    })
    void a_predicate_is_shared_within_its_kind(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the other modules in that room respond                 | single-driver-fails+",
            "the other modules execute fine                         | single-driver-fails+",
            "the other modules do not work either                   | single-driver-fails-",
    })
    void the_other_modules_answering(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a clause that says how much or which way states its own fact: no neighbour's "fine" for it
            "postgres looks fine, memory keeps climbing             | database-blocking- memory-growing+",
            "rds cpu is low, the autoscaler sits at max             | database-cpu-high- more-workers-drain-queue+",
            // a bare name still takes it
            "postgres and redis look fine                           | database-blocking- redis-healthy+",
    })
    void a_clause_of_level_keeps_its_own(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a name after a failure its phrase took fails with it
            "almost every api call fails including authentication | login-works- most-api-works-",
            "most api requests fail incl authentication          | login-works- most-api-works-",
            // a name before it is its subject, not failed with it: the core pod's joining is the fact, its running no failure
            "the new core pod won't join the cluster             | core-joined-",
    })
    void a_name_appended_after_a_failure_shares_it(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
