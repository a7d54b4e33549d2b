package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Readings of how people report the way into PlaceOS and what lies behind it: whether requests
 * arrive (a log counted, an access log's record, nothing reaching), a service reached around the
 * load balancer, the balancer's own error answered for a login, a lone "no," that answers a
 * question, and the PlaceOS things named in plain words (devices and their commands, the drivers
 * page, one kind of equipment failing while the rest of the room answers, a crash loop).
 */
class WayInReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the front end looks healthy yet nothing is reaching it      | requests-reach-services-",
            "the api never logs the request                              | requests-reach-services-",
            // a log counted by a command, and the count on the next line
            "'$ kubectl logs deploy/api --since=10m | wc -l\n0'          | requests-reach-services-",
            "'$ docker logs api | grep -c POST\n0'                       | requests-reach-services-",
            // an access log's JSON record: the request and its answer, one clause
            "'{\"method\":\"POST\",\"path\":\"/auth/signin\",\"status\":502}' | login-works-",
            // a status field holding an HTTP code is no PlaceOS status
            "'{\"status\":500}'                                          | ''",
            // "seen" is seeing, as "see" is; haproxy and nginx with no backend to send to fail the way in
            "the api pods have not seen a single request since noon        | requests-reach-services-",
            "haproxy says no server available for the api backend          | load-balancer-healthy-",
    })
    void whether_requests_arrive(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // around the balancer, the service answers: the way in fails
            "a port-forward to the api pod lets me sign in                | load-balancer-healthy-",
            "from the bastion straight to the pod it answers 200          | load-balancer-healthy-",
            // "exec" into a container is no execute of a module
            "'$ kubectl exec deploy/api -- curl -s localhost:3000/health\n200' | load-balancer-healthy-",
            // what the login gets is the balancer's error: both fail
            "the login gets no healthy upstream                            | load-balancer-healthy- login-works-",
            // curl -v headers are one record: the balancer answered the 502 itself
            "'< HTTP/2 502\n< server: envoy'                               | backend-down+ load-balancer-healthy-",
            // the login page coming through is the way in passing traffic
            "the login page loads but signing in errors                    | load-balancer-healthy+ login-works-",
    })
    void the_way_in(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a lone opening "no," answers the question asked; the clause after it is read as it stands
            "no, the login page loads                                      | load-balancer-healthy+",
            "no, both fail                                                 | ''",
    })
    void a_lone_no_answers(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the auth flow 502s                                           | login-works-",
            "the room's devices never load                                 | modules-load-",
            "the drivers page comes up empty                              | backoffice-lists-systems-",
            // how the other modules went is part of the fact: only a negation turns it
            "executing on every other module works                        | execute-works- single-driver-fails+",
            "only the projectors fail                                     | single-driver-fails+",
            "the blinds in the same room work fine                        | single-driver-fails+",
            "the core pod keeps restarting                                | core-running-",
            "core was scaled to 0 by the rollback                         | core-running-",
            "websocket subscriptions blow up                              | websockets-work-",
            // a panel's button is an execute, a room's scheduled behaviour a trigger
            "pressing a button on the wall panel does nothing             | execute-works-",
            "the scheduled lighting scene went silent                     | triggers-work-",
            // "also" between a subject and its verb is no clause break
            "the morning trigger also did not fire                        | triggers-work-",
            "the projector module can no longer call the switcher module  | cross-driver-works-",
    })
    void placeos_in_plain_words(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
