package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plain and ops words for the web stack's and the cascade's failures: suspects ruled out with their
 * evidence in brackets, calls that never come back, pools, floods, jobs, leaks and names that go
 * elsewhere; and everyday words that only look like a stack's (a queue of cars, a phone's "no service").
 */
class OpsVocabularyReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a parenthesis after a negation ends its reach: its words are the speaker's evidence, not negated
            "it is not the db (bored)                                                    | database-blocking-",
            "not the request queue (flat)                                                | request-queue-growing-",
            // "=readiness" folds only that form: the health word "ready" is no health check
            "pods fail readiness                                                         | health-checks-failing+ stack-component-down+",
            "the etcd health checks pass                                                 | etcd-healthy+ health-checks-failing-",
            "the report ready page times out                                             | ''",
            // everyday queues and phones are no part of the stack
            "a huge queue of cars at the car park gate                                   | ''",
            "the print queue on floor two is huge                                        | ''",
            "the lift is stuck and the phone has no service                              | ''",
    })
    void words_that_only_look_like_the_stacks(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // an error code answered is a failure, not the health word "respond"
            "the sms provider responded 503                                              | external-api-slow+",
            // calls with no deadline, threads stacked behind calls, calls that never return
            "our outbound calls have no timeout                                          | external-api-slow+",
            "app threads pile up behind the calls                                        | external-api-slow+",
            "calls to the partner never come back                                        | external-api-slow+",
            // "identity" is no "identical request"
            "calls to the identity service take 12 s                                     | external-api-slow+",
            // the pool: a connection's acquisition, half used
            "connection acquisition latency is 20 s                                      | connection-pool-exhausted+",
            "the pool is only half used                                                  | connection-pool-exhausted-",
            // a job named by its kind that runs: its "running" is the job's, no health word
            "no cron job running                                                         | background-jobs-at-peak-",
            "when we paused the job everything went back to normal                       | background-jobs-at-peak+",
            // memory in chat shorthand, and a metric "trending"
            "ram going up n up all week                                                  | memory-growing+",
            "the only graph trending is heap                                             | memory-growing+",
            "rss crept up all afternoon                                                  | memory-growing+",
            "the heap never stops climbing                                               | memory-growing+",
            "zero free pool slots                                                        | connection-pool-exhausted+",
            "the newsletter send starts at our busiest hour                              | background-jobs-at-peak+",
            // an API waited on by what it does is someone else's; a processor with a possessive is a company
            "requests are stuck on the music rights api                  | external-api-slow+",
            "the processor's status page shows an incident               | external-api-slow+",
            // services someone else runs, named by what they look up
            "every checkout waits on the address validation service      | external-api-slow+",
            // none of a deployment's pods available, a machine left off, pods that never came back: down
            "the web deployment has zero pods available                  | stack-component-down+",
            "the vm that hosts the app is still off                      | backend-down+ stack-component-down+",
            "the node rebooted and its pods never came back              | stack-component-down+",
    })
    void dependencies_pools_jobs_and_leaks(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a time, no few pods: "for a few minutes" is how long, "every few seconds" how often
            "everything downstream times out for a few minutes after the pod restarts     | backend-down+ stack-component-down+",
            "the locker driver has been crashing every few seconds                       | driver-compile-error+",
            "we only run a few pods                                                      | more-workers-drain-queue+",
            // the same as another time: no denial of the traffic
            "traffic at 09:00 no different from 11:00                                    | load-above-normal-",
            // a multiple of the usual rate is load above normal, not the health word "normal"
            "we see thirty times our normal request rate                                 | load-above-normal+",
            // a retry loop with no backoff is a flood; genuine users are its victims, no word on who sends it
            "the retry loop in the mobile app has no backoff                             | request-flood+",
            "real customers cannot get through                                           | backend-down+",
            "genuine visitors unchanged                                                  | genuine-load-",
            // saving files is a write to the store
            "uploading an attachment hangs                                               | object-storage-slow+",
            // the name taking people somewhere else; the balancer's own name answering
            "the domain goes somewhere else                                              | dns-resolves-as-expected-",
            "visitors get a holding page                                                 | dns-resolves-as-expected-",
            "hitting the alb hostname directly works                                     | load-balancer-healthy+",
    })
    void load_stores_and_names(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a graph's shape: "steady" and "clean" are no words of health there
            "heap graph a steady ramp                                          | memory-growing+",
            "memory is a clean sawtooth                                        | memory-growing+",
            "every request adds to the heap and nothing is ever freed          | memory-growing+",
            // killed by the kernel, over and over: a leak's end
            "pods get OOMKilled every 6h                                       | memory-growing+",
            // killed once and never back: something down, no climb
            "the daphne pods got OOMKilled and are not coming back             | stack-component-down+",
            "the queue pod got oomkilled and won't reschedule                  | stack-component-down+",
            // a memory's size and a later one twice as large: growing; a size and its bound: nothing grows
            "heap was 400MB after the deploy, now 2.1GB                  | memory-growing+",
            "rss 500mb yesterday, 6gb this morning                       | memory-growing+",
            "memory 1.2gb, limit 2gb                                     | ''",
    })
    void memory_by_the_shape_of_its_graph_and_what_a_kill_leaves(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
