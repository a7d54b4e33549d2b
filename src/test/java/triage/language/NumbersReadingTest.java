package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Numbers read against what they measure: only a value that is high or full counts as high or full. */
class NumbersReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a share of a resource between the low and the high bands is a level, neither high nor full
            "postgres cpu at 45%                          | database-cpu-high-",
            "the db box shows 35% cpu                     | database-cpu-high-",
            "connection pool 60% used                     | connection-pool-exhausted-",
            // the bands themselves are as before
            "postgres cpu at 97%                          | database-cpu-high+",
            "postgres cpu at 7%                           | database-cpu-high-",
            // a search's parameter in a request's path: the request searches
            "GET /zones?query=atrium answers 502                 | search-works-",
            // a namespaced error names its component: no colons parting the name from its error
            "the api logs Elasticsearch::Transport::Errors::BadGateway for every listing | elasticsearch-healthy-",
    })
    void shares_of_a_resource(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a share of something that is no resource, or one on its way, is no level
            "35% of checkouts fail                        | 35 percent of checkouts fail",
            "heap went from 40% to 70%                    | heap went from 40 percent to 70 percent",
            "cpu 40% -> 60%                               | cpu 40 percent -> 60 percent",
            "cpu at 45%                                   | cpu at moderate",
            "65% disk                                     | moderate disk",
    })
    void which_shares_are_levels(String text, String rewritten) {
        assertEquals(rewritten, Notation.rewrite(text).replaceAll("\\s+", " ").strip());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // "p99" alone says slow; a value of a few hundred ms at most says otherwise
            "object storage p99 140ms                     | object-storage-slow-",
            "object storage p99 14s                       | object-storage-slow+",
    })
    void percentiles_by_their_value(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a duration of seconds of something waited on is slow; a period is no duration of it
            "s3 spans 30s+                                | object-storage-slow+",
            "every db query takes 20 s                    | slow-queries+",
            // a duration that ends its sentence is still one
            "s3 calls taking 30s. that is all             | object-storage-slow+",
            "the uploads to s3 take 2 minutes             | object-storage-slow+",
            "the healthcheck polls every 30s              | ''",
            // a duration named before what it was spent in
            "the trace shows 38s inside s3 put_object     | object-storage-slow+",
            "38s in s3.GetObject for every export         | object-storage-slow+",
            "the outage lasted 20 minutes in total        | ''",
    })
    void durations_of_seconds_are_slow(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // connections in use against the pool's maximum: full at it, with room below it
            "20/20 connections checked out                | connection-pool-exhausted+",
            "the pool shows 12/12 in use                  | connection-pool-exhausted+",
            "connections in use: 4/20                     | connection-pool-exhausted-",
            // a count of replicas is no pool
            "pods 3/3 ready                               | stack-component-down-",
    })
    void counts_of_a_pool(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // "up" before a factor or a share says how much something rose, never that it is healthy
            "rps up 2.5x since the launch                 | load-above-normal+",
            "traffic up by 250% since noon                | load-above-normal+",
            "cpu up 30% on the db                         | database-cpu-high+",
    })
    void up_by_a_factor_is_a_rise(String text, String expected) {
        assertTrue(Shown.readings(in, text).contains(expected), Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "latency up 40%                               | latency increased 40 percent",
            "cpu up 90%                                   | cpu increased 90 percent",
            "p99 12s                                      | p99 slow",
            "retry after 30s                              | retry after 30s",
            "api returns 503s on requests                 | api returns 503s on requests",
            "0/20 connections idle                        | pool full connections idle",
    })
    void how_changes_durations_and_counts_are_written(String text, String rewritten) {
        assertEquals(rewritten, Notation.rewrite(text).replaceAll("\\s+", " ").strip());
    }
}
