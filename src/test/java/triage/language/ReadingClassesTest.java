package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;


import static org.junit.jupiter.api.Assertions.assertEquals;

/** Classes of phrasing the reader once misread: suspects ruled out, pasted tables, quoted errors. */
class ReadingClassesTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    private String read(String text) {
        return Shown.readings(in, text);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a clause that opens with "not" and only names a suspect rules it out
            "not redis, not elasticsearch              | elasticsearch-healthy+ redis-healthy+",
            "it is not a traffic spike                 | load-above-normal-",
            "it's not the load balancer either         | load-balancer-healthy+",
            // what it is ruled out as says no fault of its own
            "not an etcd issue                         | etcd-healthy+",
            "this is not a redis problem               | redis-healthy+",
            "the problem is not etcd                   | etcd-healthy+",
            "etcd says healthy and the error isn't about etcd | etcd-healthy+ execute-error-etcd-",
            // a verb, an amount or a word of state after the "not": the ordinary negation
            "the modules are not loading               | modules-load-",
            "not everyone can log in                   | login-works-",
            "not enough workers for the traffic        | more-workers-drain-queue+",
            // a ruling-out ends at a dash, as at a colon: its "not" does not turn the next clause's health
            "it is not etcd - its members all report healthy  | etcd-healthy+",
            "not rethinkdb \u2013 rethink answers every query | rethinkdb-healthy+",
    })
    void a_suspect_ruled_out_is_not_read_as_down(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a table's header line says nothing ("READY" is no state), a replica's ordinal is no "0"
            "'NAME      READY   STATUS             RESTARTS   AGE\\nredis-0   0/1     CrashLoopBackOff   9          20m' | redis-healthy-",
            "'NAME READY STATUS\\ncore-1 0/1 CrashLoopBackOff\\ncore-2 0/1 CrashLoopBackOff'                           | core-running-",
            // the command line of a paste names its subject
            "'$ docker logs placeos-redis --tail 2\\nNAME READY STATUS\\nredis 1/1 Running'                                  | redis-healthy+",
            // web pods crash-looping: a component of the stack is down (the count of none and the failure agree)
            "'NAME READY STATUS RESTARTS\\nmainstack-web-1 0/1 CrashLoopBackOff 7'                                    | stack-component-down+",
            // shouting is no table header
            "LOGIN IS BROKEN FOR EVERYONE                                                                            | login-works-",
    })
    void pasted_tables_are_read_by_their_rows(String text, String expected) {
        assertEquals(expected, read(text.replace("\\n", "\n")));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the quoted error's own negation states it: the next clause's health does not turn it
            "the exec reply says 'no core instances', and etcd is healthy | etcd-healthy+ execute-error-no-core+ execute-works-",
            // a colon introduces what the exec said: the error and the exec are one fact
            "every exec from backoffice: no core instances                   | execute-error-no-core+ execute-works-",
            // "etcd-1" is a replica's name, not a count of none that turns the error
            "'the exec call answers \"failed to dial etcd-1.etcd:2379: connection refused\"' | execute-error-etcd+ execute-works-",
    })
    void quoted_errors_keep_their_own_polarity(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // someone's word on the cause is their guess; what users report stays an observation
            "my manager said it's redis that is down          | ''",
            "a colleague says the problem is etcd, but login fails | login-works-",
            "users say login is broken                        | login-works-",
    })
    void someone_elses_verdict_is_a_guess(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // someone else's API is an external one; the app's own is not
            "requests hang on the shipping company's tracking API | external-api-slow+",
            "the app's api is down                                | backend-down+ most-api-works-",
            // a client's API token is no API of theirs
            "one client's api token is behind a flood of requests | request-flood+",
    })
    void someone_elses_api_is_external(String text, String expected) {
        assertEquals(expected, read(text));
    }
}
