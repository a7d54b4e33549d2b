package triage.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;
import triage.model.Cause;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reloads swap the rulebook atomically: answers under way finish on the old one, none fails. Four
 * callers of {@link Triage#answer}, every channel's way in, a millisecond apart (so that the
 * compiling, not the calling, has the cores) while the runbooks are edited and reloaded.
 */
class ReloadUnderLoadTest {
    @TempDir Path dir;

    @Test
    void reloads_during_concurrent_answers_fail_none() throws Exception {
        Fixtures.copyRunbooks(dir);
        LiveRulebook live = Fixtures.open(dir.resolve("rules"), dir.resolve("knowledge"));
        Triage triage = new Triage(live);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            List<Future<int[]>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(pool.submit(() -> {
                    int ok = 0, bad = 0;
                    while (running.get()) {
                        Cause top = triage.answer(Said.text("login fails")).diagnosis().top();
                        if (top != null && top.component().equals("rethinkdb")) ok++;
                        else bad++;
                        Thread.sleep(1);
                    }
                    return new int[] {ok, bad};
                }));
            }
            Path rule = dir.resolve("rules/web-stack.drl");
            String text = Files.readString(rule);
            int swaps = 0;
            for (int i = 0; i < 5; i++) {
                Files.writeString(rule, text + "\n// edit " + i + "\n");
                if (live.reload()) swaps++;
            }
            running.set(false);
            int ok = 0, bad = 0;
            for (Future<int[]> f : workers) {
                int[] r = f.get(30, TimeUnit.SECONDS);
                ok += r[0];
                bad += r[1];
            }
            assertEquals(5, swaps);
            assertEquals(0, bad, "wrong answers during reloads");
            assertTrue(ok > 20, "too few answers to mean anything: " + ok);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }
}
