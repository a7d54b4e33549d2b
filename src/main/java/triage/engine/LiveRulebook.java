package triage.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rulebook being served, and the way to replace it: a new set is compiled and its
 * scenarios run before it is swapped in whole; if either fails, the last good set keeps serving
 * and the error is kept for {@code /healthz}. Requests in flight finish on the set they started on.
 *
 * <p>{@code serve} listens before its first set has loaded ({@link #starting}, then {@link #loadFirst}):
 * until it has, {@link #current()} waits for it, at most {@link #FIRST_WAIT}.
 */
public final class LiveRulebook {
    private static final Logger log = LoggerFactory.getLogger(LiveRulebook.class);

    /**
     * What {@code /healthz} reports: the live revision, where it came from, the newest revision its
     * source has offered (published, perhaps still compiling or rejected; null for plain files),
     * and the last failed reload, if any.
     */
    public record Status(String revision, String source, Instant loadedAt, String offered, List<String> error) {
        /** Whether a set serves: false while the first one is loading (then revision and loadedAt are null). */
        public boolean serving() { return revision != null; }
    }

    /** How long a call waits for the first set of a starting rulebook before it is refused ({@link NotReady}). */
    public static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    /** No set serves yet: the first is still loading, or it did not load. */
    public static final class NotReady extends RuntimeException {
        NotReady(String message, Throwable cause) {
            super(message, cause);
        }
    }

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

    private final RulebookCompiler compiler;
    private volatile Source source;
    private volatile String offered;
    private volatile Listener listener = (ok, nanos) -> { };
    private final AtomicReference<Rulebook> current = new AtomicReference<>();
    private final AtomicReference<List<String>> lastError = new AtomicReference<>();
    /** The first set while its scenarios have not run (see {@link #openUnchecked}). */
    private volatile RulebookCompiler.Compiled unchecked;
    /**
     * Completes when the first set serves (or with why none will): what a call made before it waits
     * on. It holds no set: one held here would outlive every reload (a second rule base in the heap).
     */
    private final CompletableFuture<Void> first = new CompletableFuture<>();

    private LiveRulebook(RulebookCompiler compiler, Source source, Rulebook first, List<String> error) {
        this.compiler = compiler;
        this.source = source;
        this.current.set(first);
        this.lastError.set(error);
        if (first != null) this.first.complete(null);
    }

    /**
     * A rulebook with no set yet, for a service that listens first: {@link #loadFirst} loads one,
     * {@link #failed} says none will come; meanwhile {@link #current()} waits.
     */
    public static LiveRulebook starting(Source source, RulebookCompiler compiler) {
        return new LiveRulebook(compiler, source, null, null);
    }

    /**
     * Loads the first set of a {@link #starting} rulebook from {@code from}: it serves as soon as it
     * compiles (or comes from the cache), and its scenarios run in {@link #check()} after, as
     * {@link #openUnchecked}'s do: failing scenarios are reported, not fatal, since there is nothing
     * older to fall back to.
     *
     * @throws RulebookException when it does not compile; the rulebook is still starting then
     */
    public synchronized void loadFirst(Source from) throws RulebookException {
        if (current.get() != null) throw new IllegalStateException("the first set is loaded already");
        RulebookCompiler.Compiled c = compiler.compile(from.rulesDir(), from.knowledgeDir());
        source = from;
        unchecked = c;
        current.set(c.rulebook());
        first.complete(null);
    }

    /** Says no first set will come (start-up failed): calls waiting for one are refused at once. */
    public void failed(Throwable why) {
        first.completeExceptionally(why);
    }

    /**
     * Loads the first set with {@code compiler}. It must compile; failing scenarios are reported,
     * not fatal, since there is nothing older to fall back to.
     */
    public static LiveRulebook open(Source source, RulebookCompiler compiler) throws RulebookException {
        LiveRulebook live = openUnchecked(source, compiler);
        live.check();
        return live;
    }

    /**
     * As {@link #open} for a command that answers once: the set serves at once, and its scenarios
     * are run and its cache entry written by {@link #check()}, which such a command calls after it
     * has answered. After an edit that is a third of a cold start.
     */
    public static LiveRulebook openUnchecked(Source source, RulebookCompiler compiler) throws RulebookException {
        RulebookCompiler.Compiled first = compiler.compile(source.rulesDir(), source.knowledgeDir());
        LiveRulebook live = new LiveRulebook(compiler, source, first.rulebook(), null);
        live.unchecked = first;
        return live;
    }

    /**
     * Runs the scenarios of a set opened unchecked, logs those that fail, writes its cache entry.
     * Not under the reload lock: a reload (a publish) need not wait for the first set's check.
     */
    public void check() {
        RulebookCompiler.Compiled first = unchecked;
        if (first == null) return;
        unchecked = null;
        List<String> failures = compiler.scenarioFailures(first);
        compiler.store(first);
        failures.forEach(f -> log.warn("scenario failed: {}", f));
        if (!failures.isEmpty()) lastError.compareAndSet(null, failures);
    }

    /** Where the live set was read from; {@link #reload()} reads there again. */
    public Source source() { return source; }

    /** Serves {@code rb} as it is, with nothing of its own to reload from (tests). */
    static LiveRulebook serving(Rulebook rb) {
        return new LiveRulebook(new RulebookCompiler(RulebookCache.off()),
                new Source(Path.of("rules"), Path.of("knowledge"), "memory"), rb, null);
    }

    /**
     * The set that serves; while the first is loading, waits for it.
     *
     * @throws NotReady when the first set has not loaded within {@link #FIRST_WAIT}, or will not
     */
    public Rulebook current() {
        Rulebook rb = current.get();
        return rb != null ? rb : awaitFirst(FIRST_WAIT);
    }

    /** Whether a set serves (false while the first is loading). */
    public boolean serving() { return current.get() != null; }

    /** The set that serves, waiting up to {@code max} for the first. */
    Rulebook awaitFirst(Duration max) {
        try {
            first.get(max.toMillis(), TimeUnit.MILLISECONDS);
            return current.get();
        } catch (TimeoutException e) {
            throw new NotReady("the runbooks are still loading", e);
        } catch (ExecutionException e) {
            throw new NotReady("the runbooks did not load: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady("interrupted while waiting for the runbooks to load", e);
        }
    }

    /** Set once while wiring, before the watcher starts. */
    public void listen(Listener l) { this.listener = java.util.Objects.requireNonNull(l); }

    public Status status() {
        Rulebook rb = current.get();
        if (rb == null) return new Status(null, source.label(), null, offered, lastError.get());
        return new Status(rb.revision(), source.label(), rb.loadedAt(), offered, lastError.get());
    }

    /**
     * Notes that a source (a rollout) has announced {@code revision}, before it is compiled: with
     * the live revision beside it, {@code /healthz} tells "not told yet" from "told, still
     * checking or rejected".
     */
    public void offered(String revision) { this.offered = revision; }

    /** Writes a reloaded set's compiled rules to the cache off the reload's path: the new rules serve meanwhile. */
    private void storeLater(RulebookCompiler.Compiled c) {
        if (c.fresh() == null) return;
        Thread t = new Thread(() -> compiler.store(c), "rulebook-cache-write");
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
            RulebookCompiler.Compiled c = compiler.compile(from.rulesDir(), from.knowledgeDir());
            Rulebook next = c.rulebook();
            long compiled = System.nanoTime();
            List<String> failures = compiler.scenarioFailures(c);
            long checked = System.nanoTime();
            if (!failures.isEmpty()) {
                lastError.set(failures);
                log.warn("reload rejected: {} scenario(s) fail; still serving {}: {}", failures.size(),
                        current.get().revision(), failures);
                listener.reloaded(false, System.nanoTime() - t0);
                storeLater(c);
                return false;
            }
            current.set(next);
            source = from;
            lastError.set(null);
            log.info("reloaded rules from {}: revision {} ({} rules) in {} ms: compile {} ms, {} scenarios {} ms", from.label(), next.revision(),
                    next.rules().size(), (checked - t0) / 1_000_000, (compiled - t0) / 1_000_000,
                    next.knowledge().scenarios().size(), (checked - compiled) / 1_000_000);
            listener.reloaded(true, System.nanoTime() - t0);
            storeLater(c);
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
