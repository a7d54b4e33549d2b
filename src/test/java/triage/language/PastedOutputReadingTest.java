package triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pasted tool output read as an expert reads it: pool statistics as fields, pipe tables by column, host names by their labels. */
class PastedOutputReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a field's zero is a count of none, not a negation of the waits beside it
            "sql.DBStats{MaxOpenConnections:10 OpenConnections:10 InUse:10 Idle:0 WaitCount:512}   | connection-pool-exhausted+",
            // waiters above zero, active at its maximum: the pool is full and callers wait
            "conn stats: active=12 idle=0 pending=88 max=12                                         | connection-pool-exhausted+",
            "{\"msg\":\"acquire timeout\",\"pool_active\":40,\"pool_max\":40}                      | connection-pool-exhausted+",
            // nobody waiting, plenty idle: no pool trouble
            "conn stats: active=3 idle=7 pending=0 max=12                                           | ''",
    })
    void pool_statistics_as_fields(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a line of a pasted metric list is a clause: one line's "fast" or "fine" stays on its line
            "s3 get p99 140ms\\nredis queue length: growing | object-storage-slow- request-queue-growing+",
            "logins fine\\nbackoffice lists nothing       | login-works+",
    })
    void each_line_is_a_clause(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text.replace("\\n", "\n")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // pgbouncer's SHOW POOLS: each cell named by its column
            "25,140 | connection-pool-exhausted+",
            "3,0    | connection-pool-exhausted-",
    })
    void pipe_tables_by_column(String activeWaiting, String expected) {
        String[] v = activeWaiting.split(",");
        String table = "SHOW POOLS\n db | user | cl_active | cl_waiting | sv_active\n app | web | " + v[0] + " | " + v[1] + " | " + v[0];
        assertEquals(expected, Shown.readings(in, table));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the host an HTTP client called is an outbound call; a label may name a vendor or a store
            "calls wait in HTTPSConnectionPool(host='pay.acme-payments.example', port=443)      | external-api-slow+",
            "charges wait 30s on api.stripe.com                                                 | external-api-slow+",
            "uploads time out against media.s3.amazonaws.com                                    | object-storage-slow+",
            // a lone field stays as written: "core:3000" is an address, its refusal core's
            "the core service listens on core:3000 and refuses                                  | core-running-",
            // "running" with an object is what a machine does, not a word of health
            "the console shows the host running our web processes with a failed system status check | stack-component-down+",
    })
    void hosts_by_their_labels(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // "exceptions" in a class name stems to "except", but is no "except" that turns what follows
            "botocore.exceptions.ReadTimeoutError: Read timeout on endpoint URL: https://media.s3.amazonaws.com/x | object-storage-slow+",
            // the host= of an HTTP client's error is the called host, not a machine that is down
            "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='rates.shipco.example', port=443)        | external-api-slow+",
            // a bare subject shares the state a neighbouring phrase holds ("traffic normal")
            "the db and traffic look normal                                                                  | database-blocking- load-above-normal-",
    })
    void error_lines_and_shared_states(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }
}
