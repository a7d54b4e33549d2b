package triage.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Numbers laid out by tools ({@code Readouts}): metrics with units in their names, spans, process tables, series, counts. */
class ReadoutsReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    private List<String> read(String text) {
        return List.of(Shown.readings(in, text.replace("\\n", "\n")).split(" "));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a metric in seconds is a duration: 12 ms of query is fast, whatever "p99" alone says
            "pg_query_duration_seconds p99 0.012                    | slow-queries-",
            // so is one in milliseconds, its percentile in its name or after it; 4.2 s of one is slow
            "pg_query_p99_ms 5                                      | slow-queries-",
            "pg_query_duration_ms p99 4200                          | slow-queries+",
            // a sub-second duration in seconds is as fast as its milliseconds
            "db queries take 0.04s                                 | slow-queries-",
            // a disk's queue depth: under one is low, ten or more high; an empty one is no queue
            "rds cpu 10%, disk queue 0.3                            | database-disk-queue-high-",
            "CloudWatch DiskQueueDepth 87                           | database-disk-queue-high+",
            "the database has an empty disk queue                   | database-disk-queue-high-",
            // a metric that is a share is a share: 6% of the database's CPU is low
            "rds_cpu_percent 6                                     | database-cpu-high-",
            // a pool's count against its maximum in brackets: full at it, with room below it
            "hikari_pool_active_connections 30 (max 30)            | connection-pool-exhausted+",
            "hikari_pool_active_connections 4 (max 30)             | connection-pool-exhausted-",
            // a handful of sources sending the traffic
            "most of the traffic is from 4 ips                     | request-flood+",
    })
    void metrics_and_counts(String text, String expected) {
        assertTrue(read(text).contains(expected), () -> text + " read " + read(text));
    }

    @Test
    void a_span_that_takes_the_time_is_slow_and_an_https_call_is_external() {
        List<String> r = read("trace POST /pay 20.1s\\n  |- db SELECT order 3ms\\n"
                + "  |- http POST https://api.paygate.example/charge 20.0s (no response)");
        assertTrue(r.contains("external-api-slow+"), r::toString);
        assertFalse(r.contains("database-blocking+"), r::toString);
    }

    @Test
    void an_access_log_line_repeated_is_a_flood_its_200_no_health() {
        List<String> r = read("access log is nothing but this line over and over:\\n"
                + "`198.51.100.77 - - [01/Dec/2026:15:02:11 +0000] \"GET /api/plots/?page=1 HTTP/1.1\" 200 512 \"-\" \"python-requests/2.31\"`");
        assertTrue(r.contains("request-flood+"), r::toString);
    }

    @Test
    void a_vendor_hosts_name_in_a_span_is_no_name_lookup() {
        // "http: POST host/path" as some tracers label it; the host's name is the call's, no DNS answer
        List<String> r = read("trace 4bf9 POST /checkout 31.40s\\n  |- db: SELECT basket 3ms\\n"
                + "  |- http: POST pay.gateway.example/v2/charge 31.2s");
        assertTrue(r.contains("external-api-slow+"), r::toString);
        assertTrue(r.stream().noneMatch(s -> s.startsWith("dns-")), r::toString);
        List<String> dash = read("jaeger trace GET /booking 31.2s\\n  \u2514\u2500 http POST sms-gateway.example 31.1s (timeout)");
        assertTrue(dash.contains("external-api-slow+") && dash.stream().noneMatch(s -> s.startsWith("dns-")), dash::toString);
    }

    @Test
    void rows_under_a_latency_heading_are_timed() {
        assertTrue(read("views by p95\\n/api/upload 33.0s (s3.put 32.8s)\\n/api/list 0.04s").contains("object-storage-slow+"));
    }

    @Test
    void a_process_taking_a_cpu_hogs_it() {
        List<String> r = read("PID USER %CPU %MEM COMMAND\\n 311 batch 97.0 4.0 python rebuild_index.py\\n 312 app 8.0 2.0 puma");
        assertTrue(r.contains("background-jobs-at-peak+"), r::toString);
        // the header's COMMAND is a column's name, no execute failing or working
        assertTrue(r.stream().noneMatch(s -> s.startsWith("execute-")), r::toString);
    }

    @Test
    void a_series_on_one_line_with_column_gaps_climbs() {
        assertTrue(read("process_resident_memory_bytes  00:00 0.6G  06:00 1.4G  12:00 2.2G  18:00 3.0G  crash")
                .contains("memory-growing+"));
        // columns of different measures are no series: no time before each value
        assertFalse(read("hits  120  980  2400").contains("load-above-normal+"));
    }

    @Test
    void a_series_that_climbs_or_jumps() {
        assertTrue(read("heap_used\\n10:00 600 MB\\n11:00 900 MB\\n12:00 1.4 GB\\n13:00 2.1 GB").contains("memory-growing+"));
        assertTrue(read("requests per minute\\n10:00 300\\n10:05 310\\n10:10 9,800\\n10:15 10,400").contains("load-above-normal+"));
        // rows that name their measure, or days before their times; a tool's name before a colon is not the measure
        assertTrue(read("the ticket site\\nmem 10:00 1.2G\\nmem 14:00 2.8G\\nmem 18:00 3.9G (limit 4G)").contains("memory-growing+"));
        assertTrue(read("Prometheus: container_memory_working_set_bytes{pod=\"quote\"}\\nMon 00:00 0.6 GiB\\n"
                + "Mon 12:00 1.7 GiB\\nTue 00:00 2.8 GiB\\nTue 09:40 3.9 GiB").contains("memory-growing+"));
        // a series that stays put says nothing of growth
        assertFalse(read("heap_used\\n10:00 600 MB\\n11:00 610 MB\\n12:00 590 MB").contains("memory-growing+"));
    }

    @Test
    void counts_dominated_by_one_or_two_sources() {
        String cmd = "$ cut -d' ' -f1 access.log | sort | uniq -c | sort -rn\\n";
        assertTrue(read(cmd + " 90211 203.0.113.7\\n 1200 198.51.100.4\\n 998 192.0.2.55\\n 870 192.0.2.56").contains("request-flood+"));
        // counts spread evenly: no one source
        assertFalse(read(cmd + " 1300 203.0.113.7\\n 1200 198.51.100.4\\n 998 192.0.2.55\\n 870 192.0.2.56").contains("request-flood+"));
    }

    @Test
    void addresses_with_their_counts_dominated_by_two() {
        String head = "busiest clients, last hour\\n";
        assertTrue(read(head + "  192.0.2.41     880,112\\n  192.0.2.42     861,930\\n  198.51.100.3   1,090\\n  10.1.0.7   950")
                .contains("request-flood+"));
        assertFalse(read(head + "  192.0.2.41     1,300\\n  192.0.2.42     1,210\\n  198.51.100.3   1,090\\n  10.1.0.7   950")
                .contains("request-flood+"));
    }

    @Test
    void one_top_client_with_most_of_the_traffic_is_a_flood() {
        assertTrue(read("rps 900\\ntop client ip   192.0.2.66   88% of requests").contains("request-flood+"));
        assertTrue(read("top tenant share 64% (tenant 4411)").contains("request-flood+"));
        // a top client with a sliver of the traffic: the load is spread
        assertFalse(read("top clients spread, max 0.6% per ip").contains("request-flood+"));
    }

    @Test
    void values_one_after_another_are_the_way_they_went() {
        assertTrue(read("redis queue keys 90 -> 700 -> 3100").contains("request-queue-growing+"));
        assertTrue(read("heap_used_bytes (hourly)\\n0h 0.9g | 1h 1.5g | 2h 2.1g | 3h 2.8g").contains("memory-growing+"));
        assertTrue(read("redis queue keys 2,210 and rising").contains("request-queue-growing+"));
        // values that come and go say nothing of growth
        assertFalse(read("redis queue keys 900, 120, 1000").contains("request-queue-growing+"));
    }

    @Test
    void a_column_of_timed_values_that_climbs_is_said_of_its_heading() {
        assertTrue(read("heap in use (MiB), billing workers:\n```\n01:00  400\n05:00  880\n09:00  1320  <- oom\n```").contains("memory-growing+"));
        // the fall after a restart ends the climb; it does not undo it
        assertTrue(read("rss_bytes\n  02:00  0.7 GB\n  08:00  1.6 GB\n  12:00  2.9 GB\n  12:05  0.6 GB").contains("memory-growing+"));
        // a column that wanders, or only two rows, says nothing of growth
        assertFalse(read("heap in use (MiB)\n01:00  400\n05:00  380\n09:00  410").contains("memory-growing+"));
        assertFalse(read("heap in use (MiB)\n01:00  400\n05:00  1380").contains("memory-growing+"));
    }

    @Test
    void a_deployment_pod_that_is_not_running_is_a_pod_of_the_stack_down() {
        String rows = "$ kubectl get pods\\nNAME   READY   STATUS   RESTARTS   AGE\\n";
        assertTrue(read(rows + "ledger-api-7c9f8d6b5-q2wzx   0/1   CrashLoopBackOff   9   1h\\n"
                + "ledger-cron-6d5b4c-p8rtm   1/1   Running   0   5d").contains("stack-component-down+"));
        // a StatefulSet's pod is named after its component: no generated name to read
        assertEquals("redis-0   0/1   error   5   2d", Pods.rewrite("redis-0   0/1   error   5   2d"));
        assertEquals("search-core-1   0/1   pending   0", Pods.rewrite("search-core-1   0/1   pending   0"));
    }

    @Test
    void readouts_leave_prose_alone() {
        String prose = "the page loads in 2 minutes and the pool is fine";
        assertEquals(prose, Readouts.rewrite(prose));
    }
}
