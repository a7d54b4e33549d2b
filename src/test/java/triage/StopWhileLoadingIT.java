package triage;

import org.junit.jupiter.api.Test;
import triage.testing.ServedJar;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server stopped while the sentence model loads stops (SIGTERM: exit status 143) rather than
 * crashing in ONNX Runtime, whose own shutdown hook frees the environment a session being created
 * still uses. Each round stops at another point of the load: on two cores the library is unpacked
 * and loaded for some 0.7 s after the log line, then the session is created for some 0.5 s, and
 * without the fix about every other stop in that second window crashed.
 */
class StopWhileLoadingIT {
    @Test
    void a_stop_during_the_models_load_is_a_clean_stop() throws Exception {
        for (long pause : new long[] {0, 400, 700, 850, 1000, 1300}) {
            ServedJar served = ServedJar.listening(Map.of());
            int status;
            try {
                assertTrue(served.awaitLine("loading the sentence model", Duration.ofSeconds(60)), String.join("\n", served.log()));
                Thread.sleep(pause);
            } finally {
                status = served.stop();
            }
            List<String> log = served.log();
            assertFalse(log.stream().anyMatch(l -> l.contains("A fatal error has been detected")), String.join("\n", log));
            assertEquals(143, status, "stopped " + pause + " ms into the load:\n" + String.join("\n", log));
        }
    }

    /**
     * When the load outlasts the stop's wait, the process halts without its shutdown hooks (they
     * would crash it under the load), says so, and ends with the signal's status all the same. The
     * wait is cut to nothing by the test-only setting, so any stop during the load takes that path.
     */
    @Test
    void a_stop_that_outlasts_its_wait_halts_with_the_signals_status() throws Exception {
        ServedJar served = ServedJar.listening(List.of("-Dtriage.stopWait=PT0S"), Map.of());
        int status;
        long stopped;
        try {
            assertTrue(served.awaitLine("loading the sentence model", Duration.ofSeconds(60)), String.join("\n", served.log()));
            stopped = System.nanoTime();
        } finally {
            status = served.stop();
        }
        long ms = (System.nanoTime() - stopped) / 1_000_000;
        List<String> log = served.log();
        String all = String.join("\n", log);
        assertEquals(143, status, all);
        assertTrue(log.stream().anyMatch(l -> l.contains("exiting without shutdown hooks")), all);
        assertFalse(log.stream().anyMatch(l -> l.contains("A fatal error has been detected")), all);
        // a halt does not wait for the load (about a second), nor for anything else: well within the stop's 30 s
        assertTrue(ms < 20_000, "ended " + ms + " ms after the signal");
    }
}
