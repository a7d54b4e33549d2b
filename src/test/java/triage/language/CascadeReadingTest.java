package triage.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The causes of cascading failures and of a slow web stack as people tell them apart: how long a
 * dependency takes to answer (no word of health in "slow to respond"), a process whose memory fills,
 * jobs that run into the busy hours, a pool with free connections, a service that was deleted, and the
 * numbers pasted beside their usual level or as shares of the traffic.
 */
class CascadeReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    private String read(String text) {
        return Shown.readings(in, text.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // how long an answer takes is no answer that is fine
            "the shipping vendor is slow to respond                        | external-api-slow+",
            "their geocoding api takes ages to answer                      | external-api-slow+",
            "the sms provider takes forever to reply                       | external-api-slow+",
            // a duration an answer takes, against the one it used to take: the first is the state
            "the payment provider replies in 12s instead of 200ms          | external-api-slow+",
            "the payment provider answers in 90ms                          | external-api-slow-",
            // what a query took before is the baseline of what it takes now
            "queries that took 30ms now take 12s                           | slow-queries+",
            // a dependency with no circuit breaker: callers wait as long as it hangs
            "the partner api is down and we call it without a circuit breaker | external-api-slow+",
            // threads held inside an outbound call wait on a dependency, no pool of ours
            "all our threads are parked in that call to the rates service  | external-api-slow+",
            // a request's thread waiting for a connection waits on the pool
            "every request thread waits for a db connection                | connection-pool-exhausted+",
            "no circuit breaker on the egress to the maps vendor            | external-api-slow+",
            // a measure named with a word of health is still fine
            "the vendor api latency is fine                                | external-api-slow-",
    })
    void how_long_a_dependency_takes(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // growing fast says how it grows
            "the request queue is growing quickly                          | request-queue-growing+",
            "the backlog keeps growing fast                                | request-queue-growing+",
            "the request queue is fast                                     | request-queue-growing-",
    })
    void growth_and_how_fast(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the old generation fills up and we get full gcs back to back  | memory-growing+",
            "tenured space keeps climbing until the gc thrashing starts    | memory-growing+",
            "our in-process cache never evicts anything                    | memory-growing+",
    })
    void memory_that_fills(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // work meant for the night still running when the day starts
            "the overnight export jobs overrun into the morning rush       | background-jobs-at-peak+",
            "the nightly import is still being worked through when the office opens | background-jobs-at-peak+",
            "the overnight jobs finish long before the morning peak        | background-jobs-at-peak-",
            // media processed in the background is a background job
            "thumbnail workers run at the busiest hour                     | background-jobs-at-peak+",
            "only slow when the weekly recalculation batch runs            | background-jobs-at-peak+",
            // loyalty points recalculated are no name pointing anywhere
            "the points recalculation batch runs at lunchtime peak         | background-jobs-at-peak+",
    })
    void jobs_in_the_busy_hours(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the pool has plenty of free connections                       | connection-pool-exhausted-",
            "there are no free connections left in the pool                | connection-pool-exhausted+",
            "the pool never has a free connection once the site crashes    | backend-down+ connection-pool-exhausted+",
            // a query's times, no factor of normal
            "query times normal, pool at max                               | connection-pool-exhausted+ slow-queries-",
            "postgres cpu and query times look normal                      | database-cpu-high- slow-queries-",
            // scraping our own metrics more often is no scraper
            "we switched on 5s scraping to catch it                        | ''",
    })
    void the_pool_and_the_queries(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "kubectl shows the web deployment with 0 available replicas    | stack-component-down+",
            "someone deleted the redis service during the cleanup          | stack-component-down+",
            "the deployment shows zero of four pods available              | stack-component-down+",
            // an ASGI server's handler of one request killed is no instance of the stack down
            "daphne: application instance took too long to shut down and was killed | ''",
            // as many genuine customers as usual: the extra load is someone else's
            "the genuine customer count is normal, a bot is scraping our catalogue | genuine-load- request-flood+",
            // a season pass is a ticket, no check that passes
            "the season pass upload to s3 takes 40 seconds                 | object-storage-slow+",
    })
    void components_and_clients(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the web tier's CPU is its workers', no database's
            "cpu per pod 92%                                               | workers-all-busy+",
            // an autoscaler at its ceiling borrows no neighbour's "normal"
            "autoscaler at max replicas, db and s3 latency normal          | database-blocking- more-workers-drain-queue+ object-storage-slow-",
            // the balancer pulling a node is a server removed, not a node down
            "readiness checks fail and then the lb pulls the instance      | health-checks-failing+ servers-removed+",
    })
    void capacity_and_the_cascade(String text, String expected) {
        assertEquals(expected, read(text));
    }

    @Test
    void a_value_beside_its_usual_level_is_that_many_times_normal() {
        assertEquals("rps: 300 6x normal now", Shares.againstUsual("rps: 300 (usual 50) now"));
        assertEquals("hits 95 normal", Shares.againstUsual("hits 95 (baseline 90)"));
        assertEquals("load-above-normal-", read("hits/s 95 (baseline 90)"));
        // a little above its usual is neither far above nor normal: left as written
        assertEquals("hits 150 (usual 100)", Shares.againstUsual("hits 150 (usual 100)"));
        assertEquals("load-above-normal+", read("requests/s 1800 (usual 200)"));
    }

    @Test
    void addresses_holding_most_of_the_traffic_are_a_few_sources() {
        String rows = "busiest clients:\n  198.51.100.4   64%\n  198.51.100.9   20%\n  rest   16%";
        assertTrue(Shares.fewSources(rows).startsWith("busiest clients: most requests come from a few sources.\n  198.51.100.4\n"));
        // shares spread over many addresses say nothing
        String spread = "busiest clients:\n  198.51.100.4   3%\n  198.51.100.9   2%";
        assertEquals(spread, Shares.fewSources(spread));
        assertTrue(read(rows).contains("request-flood+"), read(rows));
    }

    @Test
    void a_code_fence_keeps_a_trace_one_table() {
        String trace = "trace of checkout\n```\nPOST /checkout   12.0s\n  sql SELECT carts   4ms\n"
                + "  http POST api.freight.example/rates   11.8s\n```";
        assertTrue(read(trace).contains("external-api-slow+"), read(trace));
    }

    @Test
    void pasted_levels_part_the_fields_they_end() {
        assertEquals("database-cpu-high- object-storage-slow-", read("rds cpu 30%  s3 p95 40ms"));
    }
}
