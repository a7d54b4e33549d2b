package triage.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings read from the environment: defaults, values, and refusals that name the variable. */
class ConfigTest {
    private static Config config(Map<String, String> env) {
        return Config.from(Config.Flags.none(), env, null);
    }

    @Test
    void redis_commands_have_a_half_second_deadline_unless_told_otherwise() {
        assertEquals(Duration.ofMillis(500), config(Map.of()).redisTimeout());
        assertEquals(Duration.ofMillis(5000), config(Map.of("TRIAGE_REDIS_TIMEOUT_MS", "5000")).redisTimeout());
    }

    @Test
    void a_redis_deadline_of_nothing_or_not_a_number_is_refused_by_name() {
        for (String bad : new String[] {"0", "-5", "fast", "1.5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> config(Map.of("TRIAGE_REDIS_TIMEOUT_MS", bad)));
            assertTrue(e.getMessage().contains("TRIAGE_REDIS_TIMEOUT_MS"), e.getMessage());
        }
    }
}
