package triage.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rulebook being served, and the way to replace it: a new set is compiled and its
 * scenarios run before it is swapped in whole; if either fails, the last good set keeps serving
 * and the error is kept for {@code /healthz}. Requests in flight finish on the set they started on.
 */
public final class LiveRulebook {
    private static final Logger log = LoggerFactory.getLogger(LiveRulebook.class);

    /**
     * What {@code /healthz} reports: the live revision, where it came from, the newest revision its
     * source has offered (published, perhaps still compiling or rejected; null for plain files),
     * and the last failed reload, if any.
     */
    public record Status(String revision, String source, Instant loadedAt, String offered, List<String> error) {}

    /**
     * Where a set is read from: two directories and a label for {@code /healthz} ("files" for the
     * configured directories; a rollout names its own, e.g. "etcd", for a copy it wrote).
     */
    public record Source(Path rulesDir, Path knowledgeDir, String label) {
        public Source {
            java.util.Objects.requireNonNull(rulesDir);
            java.util.Objects.requireNonNull(knowledgeDir);
            java.util.Objects.requireNonNull(label);
        }
    }

    /** Told of every reload attempt: whether it was swapped in, and how long it took. */
    @FunctionalInterface
    public interface Listener {
        void reloaded(boolean swapped, long nanos);
    }

    private volatile Source source;
    private volatile String offered;
    private volatile Listener listener = (ok, nanos) -> { };
    private final AtomicReference<Rulebook> current = new AtomicReference<>();
    private final AtomicReference<List<String>> lastError = new AtomicReference<>();
    /** The first set while its scenarios have not run (see {@link #openUnsettled}). */
    private volatile Rulebook unsettled;

    private LiveRulebook(Source source, Rulebook first, List<String> error) {
        this.source = source;
        this.current.set(first);
        this.lastError.set(error);
    }

    /**
     * Loads the first set. It must compile; failing scenarios are reported, not fatal, since there
     * is nothing older to fall back to.
     */
    public static LiveRulebook open(Path rulesDir, Path knowledgeDir) throws RulebookException {
        return open(new Source(rulesDir, knowledgeDir, "files"));
    }

    /** {@link #open(Path, Path)} from any source; the compiled rules are cached by content hash. */
    public static LiveRulebook open(Source source) throws RulebookException {
        LiveRulebook live = openUnsettled(source);
        live.settle();
        return live;
    }

    /**
     * As {@link #open(Source)} for a command that answers once: the set serves at once, and its
     * scenarios are run and its cache entry written by {@link #settle()}, which such a command
     * calls after it has answered. After an edit that is a third of a cold start.
     */
    public static LiveRulebook openUnsettled(Source source) throws RulebookException {
        return openUnsettled(source, RulebookCache.fromEnvironment());
    }

    public static LiveRulebook openUnsettled(Source source, RulebookCache cache) throws RulebookException {
        Rulebook rb = Rulebook.loadUnsaved(source.rulesDir(), source.knowledgeDir(), cache);
        LiveRulebook live = new LiveRulebook(source, rb, null);
        live.unsettled = rb;
        return live;
    }

    /** Runs the scenarios of a set opened unsettled, logs those that fail, writes its cache entry. */
    public void settle() {
        Rulebook rb = unsettled;
        if (rb == null) return;
        unsettled = null;
        List<String> failures = rb.scenarioFailures();
        rb.save();
        failures.forEach(f -> log.warn("scenario failed: {}", f));
        if (!failures.isEmpty()) lastError.compareAndSet(null, failures);
    }

    /** Where the live set was read from; {@link #reload()} reads there again. */
    public Source source() { return source; }

    /** Serves {@code rb} as it is, with nothing of its own to reload from (tests). */
    static LiveRulebook serving(Rulebook rb) {
        return new LiveRulebook(new Source(Path.of("rules"), Path.of("knowledge"), "memory"), rb, null);
    }

    public Rulebook current() { return current.get(); }

    /** Set once while wiring, before the watcher starts. */
    public void listen(Listener l) { this.listener = java.util.Objects.requireNonNull(l); }

    public Status status() {
        Rulebook rb = current.get();
        return new Status(rb.revision(), source.label(), rb.loadedAt(), offered, lastError.get());
    }

    /**
     * Notes that a source (a rollout) has announced {@code revision}, before it is compiled: with
     * the live revision beside it, {@code /healthz} tells "not told yet" from "told, still
     * checking or rejected".
     */
    public void offered(String revision) { this.offered = revision; }

    /** Writes a reloaded set's compiled rules to the cache off the reload's path: the new rules serve meanwhile. */
    private static void saveLater(Rulebook rb) {
        Thread t = new Thread(rb::save, "rulebook-cache-write");
        t.setDaemon(true);
        t.start();
    }

    /** Compiles and checks the directories again; swaps only if everything passes. */
    public synchronized boolean reload() {
        return reload(source);
    }

    /**
     * Compiles and checks a set from {@code from}; only if everything passes is it swapped in and
     * {@code from} becomes the source that later reloads read. A rejected set changes nothing but
     * the error reported.
     */
    public synchronized boolean reload(Source from) {
        long t0 = System.nanoTime();
        try {
            Rulebook next = Rulebook.loadUnsaved(from.rulesDir(), from.knowledgeDir(), RulebookCache.fromEnvironment());
            long compiled = System.nanoTime();
            List<String> failures = next.scenarioFailures();
            long checked = System.nanoTime();
            if (!failures.isEmpty()) {
                lastError.set(failures);
                log.warn("reload rejected: {} scenario(s) fail; still serving {}: {}", failures.size(),
                        current.get().revision(), failures);
                listener.reloaded(false, System.nanoTime() - t0);
                saveLater(next);
                return false;
            }
            current.set(next);
            source = from;
            lastError.set(null);
            log.info("reloaded rules from {}: revision {} ({} rules) in {} ms: compile {} ms, {} scenarios {} ms", from.label(), next.revision(),
                    next.rules().size(), (checked - t0) / 1_000_000, (compiled - t0) / 1_000_000,
                    next.knowledge().scenarios().size(), (checked - compiled) / 1_000_000);
            listener.reloaded(true, System.nanoTime() - t0);
            saveLater(next);
            return true;
        } catch (RulebookException e) {
            List<String> problems = e.problems().stream().map(Problem::toString).toList();
            lastError.set(problems);
            log.warn("reload rejected: still serving {}: {}", current.get().revision(), problems);
            listener.reloaded(false, System.nanoTime() - t0);
            return false;
        }
    }
}
