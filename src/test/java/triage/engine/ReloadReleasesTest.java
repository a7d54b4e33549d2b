package triage.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reload lets go of the set it replaced: the heap holds one rule base, however many reloads. */
class ReloadReleasesTest {
    @TempDir Path dir;

    @Test
    void the_first_set_is_released_after_a_reload() throws Exception {
        Fixtures.copyRunbooks(dir);
        LiveRulebook live = Fixtures.open(dir.resolve("rules"), dir.resolve("knowledge"));
        WeakReference<Rulebook> firstSet = new WeakReference<>(live.current());
        Path drl;
        try (var files = Files.list(dir.resolve("rules"))) {
            drl = files.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(drl, "\n// an edit\n", StandardOpenOption.APPEND);
        assertTrue(live.reload(), "the edited set compiles and swaps in");
        assertNotSame(firstSet.get(), live.current());
        for (int i = 0; i < 50 && firstSet.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(firstSet.get(), "the set a reload replaced is still reachable");
    }
}
