package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who sends the load (abusive clients or genuine users, too few pods), and a pool full while the database idles, errors known by their wording. */
class LoadAndPoolReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // genuine users are the usual mix of clients; "not real users" turns it into a flood
            "it's not an attack, every request is a genuine shopper                      | request-flood-",
            "not real users                                                              | request-flood+",
            // real traffic as usual while the hits climb: the extra is someone else's; scripts send no referrer
            "hits are 50x normal and real traffic is normal                              | genuine-load- load-above-normal+",
            "nearly all hits come from one asn with no referrer and no cookies           | request-flood+",
            "not enough workers for the load                                             | more-workers-drain-queue+",
            "credential stuffing from a rotating proxy list                              | request-flood+",
            "the app retries instantly forever                                           | request-flood+",
            "an uptime monitor hits us 500 times a second                                | request-flood+",
            // the autoscaler at its bound, too few pods: capacity
            "the hpa is already at maxReplicas                                           | more-workers-drain-queue+",
            "we run two web pods                                                         | more-workers-drain-queue+",
            "doubling the web replicas brought the queue back down                       | more-workers-drain-queue+",
            "minReplicas too low                                                         | more-workers-drain-queue+",
            // more distinct sources as the load grows: the usual mix; a widget polling: a flood of our own making
            "distinct visitors up 4x                                                     | genuine-load+",
            "a player widget polls the api in a tight loop                               | request-flood+",
            // a count of pods states its own fact: no neighbour's "35%" for it
            "db cpu 35%, only 2 pods                                                     | database-cpu-high- more-workers-drain-queue+",
            // people's clients, spread over thousands of addresses: genuine; thousands of addresses alone may be a botnet's
            "the hits come from normal browsers                                          | genuine-load+",
            "requests spread over thousands of addresses                                 | genuine-load+",
            "thousands of ips hammering the login                                        | login-works- request-flood+",
            "a botnet is behind the spike                                                | request-flood+",
            // a single source of the traffic floods; an open source product or an external source is no source of it
            "the traffic all comes from a single source                                  | request-flood+",
            "should we stay on the open source one                                       | ''",
            // done again and again by a client floods; a log line repeated is only lines
            "a script sends the same call over and over                                  | request-flood+",
            "connection is not available, over and over on the parts api                 | connection-pool-exhausted+",
    })
    void who_sends_the_load(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // connections taken and never handed back drain the pool; its negation is the phrase's own
            "the pool is drained by connections that never commits                       | connection-pool-exhausted+",
            // a count of waiters is no HTTP 200 of health; a pool "not enough" is short; "zero idle" is one fact
            "the pool shows 50/50 active with 200 requests waiting for a connection      | connection-pool-exhausted+",
            "our pool of 10 is not enough for the threads                                | connection-pool-exhausted+",
            "every instance reports zero idle connections in its pool                    | connection-pool-exhausted+",
            "sessions sit idle in transaction                                            | connection-pool-exhausted+",
            "WaitCount:18234                                                             | connection-pool-exhausted+",
            // a pool goes empty or refuses, it is not "down": a swimming pool's site down is the site's
            "the pool empties within minutes                                            | connection-pool-exhausted+",
            "the leisure pool booking site is down                                       | backend-down+",
            "the pool has spare connections                                              | connection-pool-exhausted-",
            "the pool is fine                                                            | connection-pool-exhausted-",
            // the database's own trouble
            "autovacuum stuck on the orders table                                        | database-blocking+",
            "gp2 burst balance 0%                                                        | database-disk-queue-high+",
            "a full table scan on the orders table                                       | slow-queries+",
            // a share in words, a duration of a few milliseconds, and a period that is no duration
            "db cpu 4 percent                                                            | database-cpu-high-",
            "query p99 3ms                                                               | slow-queries-",
            "query p99 800ms                                                             | slow-queries+",
            "mobile client retrying every 50ms                                           | request-flood+",
            // a pool's error in a log line is the pool's; a slow query log with nothing in it denies slow queries
            "DB connection timeout                                                       | connection-pool-exhausted+",
            "the slow query log is empty                                                 | slow-queries-",
            "postgres is barely loaded                                                   | database-blocking-",
            // a safeguard named as missing is no external call that is absent
            "the sms vendor is slow, no circuit breaker                                  | external-api-slow+",
            // a series of counts reads as its last: where the pool is now
            "pool went 30/40 then 40/40                                                  | connection-pool-exhausted+",
            "pool 40/40 now 12/40                                                        | connection-pool-exhausted-",
    })
    void pool_or_database(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @org.junit.jupiter.api.Test
    void a_pool_table_keeps_its_names_past_the_rule_under_its_header() {
        assertEquals("connection-pool-exhausted+",
                Shown.readings(in, "SHOW POOLS;\n db | cl_active | cl_waiting\n----+-----------+-----------\n app | 15 | 90"));
        // users who get connection refused receive an error: no pool of ours named
        assertEquals("", Shown.readings(in, "customers get connection refused"));
    }

    @org.junit.jupiter.api.Test
    void a_pool_tables_waiters_do_not_take_the_next_lines_health() {
        assertEquals("connection-pool-exhausted+ database-cpu-high-",
                Shown.readings(in, "SHOW POOLS\n db | cl_active | cl_waiting\n app | 20 | 412\npostgres cpu 10%"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // errors that name their component only by their wording
            "the banner says search_phase_execution_exception: all shards failed         | elasticsearch-healthy-",
            "ERR max number of clients reached                                           | redis-healthy-",
            "visitors get a 'this domain is for sale' notice                             | dns-resolves-as-expected-",
            "someone edited the A record yesterday                                       | dns-resolves-as-expected-",
            // a parking gate is no parked domain
            "thanks for fixing the parking gate                                          | ''",
            // a crash on start is a component down; growth up to a bound is memory; a leaking tap is neither
            "the web pods are OOMKilled on start since the new image                     | stack-component-down+",
            "memory climbs from each restart up to the 2GB limit                         | memory-growing+",
            "the coffee machine is leaking water everywhere                              | ''",
            "the airline booking api takes 40s                                           | external-api-slow+",
            // a job's run as its log gives it says how long it took, no word of health
            "celery: Task billing.rebuild[a1] succeeded in 900.5s                         | background-jobs-at-peak+",
            // an intensifier before a level: "well above normal" is high, "up a lot" more
            "hits are well above normal                                                  | load-above-normal+",
            "traffic up a lot since the broadcast, lots of different visitors            | genuine-load+ load-above-normal+",
            // a job named by what it does, at the time the trouble starts
            "slow whenever the hourly rollup runs                                        | background-jobs-at-peak+",
            // the database's pool is the app's: waiting on it is no database holding requests up
            "db_pool_wait_p99 29s                                                        | connection-pool-exhausted+",
    })
    void errors_and_jobs_by_their_wording(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
