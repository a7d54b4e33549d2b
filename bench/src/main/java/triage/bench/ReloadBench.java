package triage.bench;

import triage.engine.LiveRulebook;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reload time and resident heap of one rule base, in a JVM of its own:
 * {@code ReloadBench REPO RULES} where RULES is {@code shipped} or a rule count for {@link RuleGen}.
 * Prints {@code key=value} lines: the first open, a reload after an edit (a comment appended
 * to a rule file, so the rule base really changes and any cache misses), a reload with nothing
 * changed, and the heap after a full GC with the rule base live.
 */
public final class ReloadBench {
    private ReloadBench() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        String rules = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long heap0 = heapAfterGc();
        Path dir = RuleGen.generate(repo, Files.createTempDirectory("triage-reload-"),
                rules.equals("shipped") ? 0 : Integer.parseInt(rules));
        long t0 = System.nanoTime();
        LiveRulebook live = Books.open(dir);
        long open = System.nanoTime() - t0;
        int count = live.current().rules().size();
        long heap = heapAfterGc();
        Path edited;
        try (var s = Files.list(dir.resolve("rules"))) {
            edited = s.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
        List<Long> edits = new ArrayList<>(), same = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Files.writeString(edited, "\n// bench edit " + i + " " + System.nanoTime() + "\n", StandardOpenOption.APPEND);
            long t = System.nanoTime();
            if (!live.reload()) throw new IllegalStateException("reload failed: " + live.status().error());
            edits.add(System.nanoTime() - t);
            awaitCacheWritten();  // a reload writes the cache after the swap, in the background
            t = System.nanoTime();
            if (!live.reload()) throw new IllegalStateException("reload failed: " + live.status().error());
            same.add(System.nanoTime() - t);
            awaitCacheWritten();
        }
        long heapAfter = heapAfterGc();
        System.out.println("rules=" + count);
        System.out.println("open.ms=" + open / 1_000_000);
        System.out.println("reload.edit.ms=" + median(edits) / 1_000_000);
        System.out.println("reload.same.ms=" + median(same) / 1_000_000);
        System.out.println("heap.empty.mb=" + heap0 / (1024 * 1024));
        System.out.println("heap.mb=" + heap / (1024 * 1024));
        System.out.println("heap.afterReloads.mb=" + heapAfter / (1024 * 1024));
    }

    /**
     * Waits until the background cache write of the last reload is done (no temporary file in
     * {@code $TRIAGE_CACHE} for half a second), so the next reload does not share the CPU with it.
     */
    static void awaitCacheWritten() throws Exception {
        String dir = System.getenv("TRIAGE_CACHE");
        long quietSince = System.nanoTime(), deadline = System.nanoTime() + 120_000_000_000L;
        Thread.sleep(200);
        while (dir != null && System.nanoTime() < deadline) {
            boolean writing;
            try (var s = Files.list(Path.of(dir))) {
                writing = s.anyMatch(p -> p.toString().endsWith(".tmp"));
            } catch (java.io.IOException e) {
                writing = false;
            }
            if (writing) quietSince = System.nanoTime();
            else if (System.nanoTime() - quietSince > 500_000_000L) return;
            Thread.sleep(50);
        }
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
