package triage.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operators edit the runbooks while the bot serves: good edits go live, broken ones never do. */
class RulebookWatcherTest {
    @TempDir Path dir;

    private static long waitFor(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - t0 > limit.toNanos()) return -1;
            Thread.sleep(20);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void a_good_edit_goes_live_and_a_broken_one_never_does() throws Exception {
        Fixtures.copyRunbooks(dir);
        LiveRulebook live = Fixtures.open(dir.resolve("rules"), dir.resolve("knowledge"));
        Triage triage = new Triage(live);
        try (RulebookWatcher w = new RulebookWatcher(live, List.of(dir.resolve("rules"), dir.resolve("knowledge")),
                Duration.ofMillis(150))) {
            String first = live.status().revision();
            Path placeos = dir.resolve("rules/placeos.drl");
            String good = Files.readString(placeos);

            Files.writeString(placeos, good + "\nrule \"Half-typed\" when Observation( then\n");
            assertTrue(waitFor(() -> live.status().error() != null, Duration.ofSeconds(30)) >= 0, "error reported");
            assertEquals(first, live.status().revision(), "the last good set keeps serving");
            assertTrue(live.status().error().get(0).contains("placeos.drl:"), live.status().error().toString());
            assertTrue(live.status().error().stream().noneMatch(e -> e.contains("Stack trace") || e.contains("at org.")),
                    "no stack trace in what /healthz shows: " + live.status().error());
            double was = triage.answer(Said.texts(List.of("login fails"))).diagnosis().top().confidence();

            Files.writeString(placeos, good.replace("Evidence.suspect(\"rethinkdb\", 0.6)", "Evidence.suspect(\"rethinkdb\", 0.65)"));
            // about 2 s on a quiet machine (debounce, compile, scenarios); 10x that for a loaded 2-core one.
            // A watcher that missed the edit never gets there.
            long ms = waitFor(() -> !live.status().revision().equals(first), Duration.ofSeconds(20));
            assertTrue(ms >= 0, "the good edit was not live within 20 s");
            System.out.println("good edit live after " + ms + " ms");
            assertNull(live.status().error());
            double now = triage.answer(Said.texts(List.of("login fails"))).diagnosis().top().confidence();
            assertTrue(now > was, "the stronger rule is live: " + was + " -> " + now);
        }
    }

    // each wait below is a reload (a second or two on a quiet machine), bounded at 30 s for a loaded one
    @Test
    void a_new_scenario_file_is_picked_up_and_can_block_a_swap() throws Exception {
        Fixtures.copyRunbooks(dir);
        LiveRulebook live = Fixtures.open(dir.resolve("rules"), dir.resolve("knowledge"));
        try (RulebookWatcher w = new RulebookWatcher(live, List.of(dir.resolve("rules"), dir.resolve("knowledge")),
                Duration.ofMillis(150))) {
            Files.writeString(dir.resolve("knowledge/scenarios/extra.yaml"), """
                    scenarios:
                      - name: an impossible expectation
                        say: ["login fails"]
                        expect: {top: [dns]}
                    """);
            assertTrue(waitFor(() -> live.status().error() != null, Duration.ofSeconds(30)) >= 0);
            assertNotNull(live.status().error().stream().filter(e -> e.contains("an impossible expectation")).findFirst().orElse(null),
                    live.status().error().toString());
            String before = live.status().revision();
            Files.delete(dir.resolve("knowledge/scenarios/extra.yaml"));
            assertTrue(waitFor(() -> live.status().error() == null, Duration.ofSeconds(30)) >= 0);
            assertNotEquals("", before);
        }
    }
}
