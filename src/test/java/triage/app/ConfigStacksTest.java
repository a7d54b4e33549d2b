package triage.app;

import org.junit.jupiter.api.Test;
import triage.Fixtures;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TRIAGE_STACKS: read by Config, checked against the runbooks by App. */
class ConfigStacksTest {
    private static Config config(Map<String, String> env) {
        return Config.from(Config.Flags.none(), env, null);
    }

    @Test
    void stacks_are_read_lower_case_without_blanks_or_repeats() {
        assertEquals(List.of(), config(Map.of()).stacks());
        assertEquals(List.of("placeos", "web-stack"), config(Map.of("TRIAGE_STACKS", " PlaceOS, ,web-stack,placeos")).stacks());
    }

    @Test
    void a_stack_no_runbook_is_about_is_refused_with_the_known_ones() {
        var k = Fixtures.shipped().knowledge();
        assertEquals(Set.of("web-stack"), App.stacks(config(Map.of("TRIAGE_STACKS", "web-stack")), k));
        assertEquals(Set.of(), App.stacks(config(Map.of()), k));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> App.stacks(config(Map.of("TRIAGE_STACKS", "placeos,openstack")), k));
        assertTrue(e.getMessage().contains("TRIAGE_STACKS") && e.getMessage().contains("'openstack'")
                && e.getMessage().contains("placeos"), e.getMessage());
    }
}
