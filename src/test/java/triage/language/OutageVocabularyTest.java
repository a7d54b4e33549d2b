package triage.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The everyday words of operations for the web stack and the causes of a cascade, read by what they
 * say and not by the component they name in passing: a host our side called is someone else's API, a
 * job hammering the shared machines is the job, the quiet hours are a time and no negation, an error
 * seen "on every pod" says where and not that a pod is down, the web pods not running are the layer down.
 */
class OutageVocabularyTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    private String read(String text) {
        return Shown.readings(in, text.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the host a call goes to, a proxy's upstream, a method before a full public URL: we called it
            "thousands of read timeouts on calls to api.fastship.example since noon | external-api-slow+",
            "quote upstream=rates.cargoline.example latency=31200ms              | external-api-slow+",
            "client log: POST https://gw.taxhub.example/v1/quote took 35s          | external-api-slow+",
            // an API called by name is someone else's
            "our checkout calls the fraud scoring API synchronously and it takes 40s | external-api-slow+",
            // a partner's API by its trade, and "not behaving" a failure
            "the only thing not behaving is the tax api                          | external-api-slow+",
    })
    void a_host_or_an_api_our_side_calls(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @Test
    void our_own_names_are_no_partner_api() {
        // a host looked up is the name people use: a DNS question, no API of someone else
        assertEquals("dns-resolves-as-expected-", read("dig api.ourshop.example returns SERVFAIL"));
        // a business named beside our API does not make it a partner's
        assertFalse(read("the tracking api at our courier firm is down").contains("external-api-slow+"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a job hammering the machines the users need is the job's load, no flood of requests
            "the archive sync hammers the same servers as our users             | background-jobs-at-peak+",
            // the working day's clock hours are the busy ones; a worker that wakes up starts its run
            "the thumbnail worker wakes up at 16:00 every day                   | background-jobs-at-peak+",
            // a pipeline where nothing moves is stalled: no negation of the job
            "nothing moves in the celery pipeline                               | background-jobs-at-peak+",
    })
    void jobs_in_the_busy_hours(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @Test
    void hammering_by_a_client_is_still_a_flood() {
        assertTrue(read("a bot is hammering the login endpoint").contains("request-flood+"));
        // polled every few milliseconds from one address: an interval, no latency of milliseconds
        assertEquals("request-flood+", read("a monitoring script polls the api every few milliseconds from one address"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a share of the traffic says where it comes from, no load above normal
            "turns out 95% of hits come from one scraper hammering product pages | request-flood+",
            // a flood that runs on is no word of health; one aimed at the api is the flood, not requests arriving
            "someone left a load test running on the checkout                  | request-flood+",
            "ddos hitting the api                                               | request-flood+",
            // most of a request's time spent in someone else's call: waiting on it
            "apm puts 90% of the time in the call to the forecast vendor       | external-api-slow+",
            "every page waits for their answer                                  | external-api-slow+",
    })
    void where_the_traffic_and_the_time_go(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the quiet hours are a time, no negation of what happens in them
            "resident memory climbs even with no users online                   | memory-growing+",
            // a climb that never gives anything back
            "heap grows all day without ever dropping                           | memory-growing+",
    })
    void memory_that_never_comes_down(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "web pods not running                                               | stack-component-down+",
            "the daphne deployment has zero pods running                        | stack-component-down+",
            "half the pods Pending with no node to land on                      | stack-component-down+",
            // Daphne's "<Task pending>" is the request's task, no pod pending
            "daphne: Application instance <Task pending> took too long to shut down and was killed | ''",
    })
    void the_web_layer_not_running(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @Test
    void core_pods_not_running_stay_cores() {
        assertFalse(read("kubectl shows no core pods running at all").contains("stack-component-down+"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // where an error was seen is no pod down
            "QueuePool limit reached, connection timed out on every pod          | connection-pool-exhausted+",
            // JDBC's call for a connection: threads waiting there wait on the pool
            "thread dump: every request thread parked in getConnection          | connection-pool-exhausted+",
            // the queue named with its level
            "the request queue is empty                                         | request-queue-growing-",
            // what does not call the slow store is fast: only the views that do are slow, waiting on the store
            "pages that don't touch the bucket are quick                        | object-storage-slow+",
            "everything that doesn't call the vendor is fast                    | external-api-slow+ some-views-slow+",
            // a record put back to what it was points elsewhere
            "the cloudflare record was reverted last night                      | dns-resolves-as-expected-",
    })
    void where_and_how_much(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // genuine users named as the ones timing out suffer the flood: no word that the load is theirs
            "a scraper from one subnet is hammering us, real customers timing out | request-flood+",
            // a couple of address ranges, and bots by their user agent: few sources
            "mostly crawler user agents from a couple of ranges                 | request-flood+",
            // a level "same as always" did not change: no "same" of one source or one endpoint
            "per-view latency same as always                                    | workers-blocked-",
            // errors repeated in a log are lines, no client spamming us
            "the gateway stack trace is spamming the logs                       | ''",
    })
    void who_sends_the_flood_and_who_suffers_it(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // traffic said to be as it was is load, not requests that never arrive
            "worker memory climbs all afternoon, no change in traffic           | load-above-normal- memory-growing+",
            // a level that rises by the hour, and one that crawls up, grows: no health word "up"
            "node heap up every hour until the container is killed              | memory-growing+",
            "the worker dies nightly after its memory crawls up                 | memory-growing+",
            // memory the collector never gets back is a leak, no connection left unreturned
            "the process is not releasing memory after each import              | memory-growing+",
            "resident memory not coming back after gc                           | memory-growing+",
            // a moment in time is nothing a name points at
            "the memory graph climbs like a staircase up to that point          | memory-growing+",
    })
    void memory_held_by_the_hour(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @Test
    void a_balloon_named_is_no_memory_growing() {
        // only the verb's forms are growth: a balloon in a name is a name
        assertFalse(read("the hot air balloon club's booking site keeps crashing").contains("memory-growing"));
        assertTrue(read("the ballooning heap takes the api down every night").contains("memory-growing+"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // kubectl's "Error from server (NotFound)" is the cluster's API: a deployment missing, no host not found
            "Error from server (NotFound): deployments.apps \"mainstack-web\" not found | backend-down+ stack-component-down+",
            // nothing can be put on the queue: what takes it is gone
            "the daphne pods can't enqueue anything                             | stack-component-down+",
            // replicas that bring the queue down drain it: no component down
            "scaling the web tier to six pods brought the queue down            | more-workers-drain-queue+",
            // a vendor answering only after seconds is slow, no health word "respond"
            "the tile vendor is responding in 30s                               | external-api-slow+",
            // a job started at opening time runs at the busy hours
            "celery beat starts the export at opening time                      | background-jobs-at-peak+",
    })
    void the_layer_the_queue_and_the_clock(String text, String expected) {
        assertEquals(expected, read(text));
    }
}
