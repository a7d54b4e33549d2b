package triage.language;

import org.junit.jupiter.api.Test;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A dashboard's gauge of something working at zero reads as that thing not working; prose keeps its words. */
class GaugesTest {
    @Test
    void a_gauge_of_working_at_zero_is_not_working() {
        assertEquals("  rethinkdb not up\n  auth not success\n  execute not success (was 99%)\n  api requests not received (was 30/s)",
                Gauges.rewrite("  rethinkdb up: 0\n  auth success: 0\n  execute success rate: 0% (was 99%)\n  api requests received: 0/s (was 30/s)"));
    }

    @Test
    void other_values_and_a_zero_inside_a_sentence_are_left_alone() {
        String s = "  rethinkdb up: 1\n  api 5xx ratio: 0%\n  auth success: 0.5\nredis up: 0 once, then 1";
        assertEquals(s, Gauges.rewrite(s));
    }

    @Test
    void a_dashboard_pasted_whole_names_the_store_down() {
        Interpreter in = Fixtures.shipped().interpreter();
        assertEquals("login-works- rethinkdb-healthy- websockets-work+",
                Shown.readings(in, "grafana:\n  auth success: 0\n  active websockets: 118 (flat)\n  rethinkdb up: 0"));
    }
}
