package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A phrase holding a verb of arriving states its own fact, and a clause after it that says only
 * how things went is about the subject: requests that reach the api and fail still reached it.
 */
class ArrivalReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the arriving is stated; the failure after "and" is the subject's
            "logins arrive at the api and fail                     | login-works- requests-reach-services+",
            "the requests reach the service and error out          | requests-reach-services+",
            "api receives the requests and throws errors            | requests-reach-services+",
            // without a verb of arriving, a bare noun phrase still shares its neighbour's predicate
            "login and search fail                                 | login-works- search-works-",
            // a verb that is not one of arriving leaves the old reading: both fail
            "the modules list and the functions both fail          | modules-load-",
            // the arriving itself negated or failed is still read so
            "requests never reach the api                          | requests-reach-services-",
            // a name beside the arriving, with no word of state, is what arrives: no word on how it went
            "the sign-in requests are definitely arriving there    | requests-reach-services+",
            "the login requests come in                            | requests-reach-services+",
            // an arrival no phrase took still makes the clause after it its subject's
            "the access log has each sign-in POST landing and failing with a config store error | login-works-",
            // and so does what received it answering with a failure
            "the access log has each sign-in POST landing and the api answering 500 | login-works- most-api-works-",
            // a screen left logged in is a session, no logging in now
            "the lobby screen left logged in still refreshes fine | status-signals-work+",
    })
    void arriving_states_its_own_fact(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // what the logs show of the requests is how they went: only a negation says they never came
            "the api logs show an error for each attempt                   | requests-reach-services+",
            "requests fail to reach the api                                | requests-reach-services-",
            "the sign-in requests arrive and fail with a database error    | database-blocking+ login-works- requests-reach-services+",
            // logs in a window are logs, nobody logging in
            "the logs in that window are full of connection timeouts       | connection-pool-exhausted+",
            // every and each pick out members; everything is everything
            "every request fails                                           | backend-down+",
            "everything is down                                            | backend-down+",
    })
    void what_the_logs_show_of_requests(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the service answering when reached around the load balancer: the way in fails
            "curling the api from inside the cluster works perfectly fine | load-balancer-healthy-",
            "the api answers on its pod ip                                | load-balancer-healthy-",
            "each api vm answers a direct curl                            | load-balancer-healthy-",
            // the reaching and the answer are one fact: no requests reaching the services, no API working
            "hitting the backend host straight on its port directly works | load-balancer-healthy-",
            "calling the api host on port 8080 directly works             | load-balancer-healthy-",
    })
    void reached_around_the_load_balancer(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a proxy passing the requests on, and the requests named by their HTTP method
            "the lb access log shows the POST to /auth forwarded to the api pods | requests-reach-services+",
            "ingress shows the login POSTs landing on api-0/api-1                | requests-reach-services+",
            // a pod's ordinal before a slash is its name, no count of none
            "ingress shows the requests proxied to api-0/api-1                   | requests-reach-services+",
            // thrown out and unable to get back
            "everyone got logged out and can't get back in                       | login-works-",
    })
    void requests_passed_on_by_a_proxy_arrive(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
