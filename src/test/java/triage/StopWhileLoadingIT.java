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
}
