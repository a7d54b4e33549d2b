package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import triage.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a clause does besides stating a fact: the exception after "except", a word of ceasing, a
 * look that introduces the next clause, a bare name repeated after its fact was decided, a text
 * that only says how things are; and error class names read as their words.
 */
class ClauseRolesTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the exception to health fails: a fault named there is present, not absent
            "every module responds except the ones on the blinds driver    | single-driver-fails+",
            // the exception to failure works
            "everything is broken except login                             | backend-down+ login-works+",
            "everything works except login                                 | login-works-",
    })
    void except_takes_the_opposite_of_what_came_before(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "login stopped working                                         | login-works-",
            // the fault beside it stays a fault: "stopped working" is no health word
            "the panels stopped working after the lighting driver update   | driver-changed+",
    })
    void a_word_of_ceasing_turns_the_health_word_after_it(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "we checked etcd, it is healthy                                | etcd-healthy+",
            "looked at redis, it answers fine                              | redis-healthy+",
    })
    void a_look_says_what_the_next_clause_is_about(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"we checked etcd", "it's down", "it is broken", "3 down"})
    void a_look_or_a_state_alone_says_nothing_and_is_no_puzzle(String text) {
        Interpretation r = in.read(List.of(text));
        assertEquals(List.of(), r.readings());
        assertEquals(List.of(), r.unrecognized(), "no puzzle for reading by example either");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a bare "search" after the search was found failing adds nothing, and no contrary reading
            "backoffice can't find any zones or systems when I search      | search-works-",
    })
    void one_decision_per_fact_in_a_segment(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a failure joined by "and" fails what works too; health is not lent to a fault
            "login and nearly every REST call fail                         | backend-down+ login-works-",
            "the screens outside each room have not changed since noon     | status-signals-work-",
            "the export path never gives its connection back               | connection-pool-exhausted+",
            "db itself is chill                                            | database-blocking-",
    })
    void failures_joined_by_and_and_everyday_words(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Redis::TimeoutError|Redis::Timeout Error",
            "ReqlDriverError: no connection|Reql Error: no connection",
            "django.db.utils.OperationalError: canceling statement|django.db.utils. Error: canceling statement",
            "java.lang.OutOfMemoryError|java.lang.Out Of Memory Error",
            "NoMethodError on nil|NoMethod Error on nil",
            "an Error alone, and HikariPool|an Error alone, and HikariPool",
    })
    void error_class_names_read_as_words(String typed, String read) {
        assertEquals(read, ErrorNames.of(typed));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a host named by its address is a name: its "0" negates nothing
            "node ip-10-0-3-17 NotReady                                    | stack-component-down+",
            "the kitchen tap is leaking                                    | ''",
            "the report job runs on the same hosts as the api              | background-jobs-at-peak+",
            // a word of health that says how slowly is no health
            "the payment provider is responding very slowly                | external-api-slow+",
            // their API is a third party's; the API users call is ours
            "the paywall fails since their sso api takes 15s               | external-api-slow+",
            // lines flooding into a log are no flood of requests
            "timeouts flood in from the api                                | most-api-works-",
    })
    void words_that_look_like_symptoms_elsewhere(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
