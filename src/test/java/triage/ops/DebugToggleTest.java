package triage.ops;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DebugToggleTest {
    private static Level level() {
        return ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("triage")).getEffectiveLevel();
    }

    @Test
    void sigusr1_toggles_debug_logging() throws Exception {
        assertTrue(DebugToggle.install());
        Level before = level();
        new ProcessBuilder("kill", "-USR1", String.valueOf(ProcessHandle.current().pid())).start().waitFor(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (level().equals(before) && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(Level.DEBUG.equals(before) ? Level.INFO : Level.DEBUG, level());
        DebugToggle.toggle();
        assertEquals(before, level());
    }
}
