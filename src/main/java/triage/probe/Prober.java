package triage.probe;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.model.Observation;
import triage.model.ProbeResult;
import triage.model.ProbeResult.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Runs the configured live checks: in parallel, each with its own deadline, the round under one
 * budget ({@link ProbeSettings#budget()}; the checks end by 80% of it, the round by 90%, leaving
 * the rest to the diagnosis). A result is served again for {@code cacheTtl} (a Caffeine cache), and
 * checks already under way are joined, so a burst of questions is one round of checks. A target that failed {@code breakerFailures} times in a row is skipped for
 * {@code breakerCooldown} (a resilience4j circuit breaker per target; reported {@code skipped},
 * carrying what its last check found), then tried once more.
 *
 * <p>Built once (connections are made by {@link #open()}), used by many threads, closed at the end.
 */
public final class Prober implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Prober.class);

    private final List<Slot> slots = new ArrayList<>();
    private final ProbeSettings settings;
    private final ExecutorService pool;
    private final LongSupplier clock;
    private final CircuitBreakerConfig breakerConfig;
    /** Each target's recent result, kept {@code cacheTtl} from when it came. */
    private final Cache<Slot, ProbeResult> results;

    /** Checks {@code targets} with {@code settings}; a malformed option throws IllegalArgumentException here. */
    public Prober(List<Target> targets, ProbeSettings settings) {
        this(targets, settings, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()}: tests move it by hand */
    Prober(List<Target> targets, ProbeSettings settings, LongSupplier clock) {
        this.settings = settings;
        this.clock = clock;
        // failing N times in a row = all of the last N calls failed
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindow(settings.breakerFailures(), settings.breakerFailures(), SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .recordResult(r -> r instanceof ProbeResult p && !p.up())
                .waitDurationInOpenState(settings.breakerCooldown().isZero() ? Duration.ofMillis(1) : settings.breakerCooldown())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(new NanoClock(clock))
                .build();
        this.results = Caffeine.newBuilder()
                .expireAfterWrite(settings.cacheTtl())
                .ticker(clock::getAsLong)
                .executor(Runnable::run)
                .build();
        try {
            for (Target t : targets) slots.add(new Slot(t, probeFor(t, settings)));
        } catch (RuntimeException e) {
            slots.forEach(s -> s.probe.close());
            throw e;
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // one check per target at a time (joined, not queued), so one thread per target is the bound
        this.pool = Executors.newFixedThreadPool(Math.max(1, targets.size()), threads);
    }

    /** Builds the prober the knowledge and the environment configure. */
    public static Prober configured(triage.knowledge.Knowledge knowledge, Map<String, String> env) {
        return new Prober(Target.configured(knowledge, env), ProbeSettings.fromEnv(env));
    }

    /**
     * Loads and initialises what building a prober takes (resilience4j's breaker, lettuce's URI
     * parser, the result cache) without connecting anything: {@code serve} calls it while it waits
     * for the first rule set, whose knowledge names the targets, so that building its prober then is quick.
     */
    public static void prepare() {
        new Prober(List.of(Target.parse("prepare", "redis", "redis://127.0.0.1", Map.of())), ProbeSettings.fromEnv(Map.of()))
                .close();
    }

    static Probe probeFor(Target t, ProbeSettings s) {
        return switch (t.kind()) {
            case "redis" -> new RedisProbe(t, s.probeTimeout(), s.queueGap());
            case "etcd" -> new EtcdProbe(t, s.probeTimeout());
            case "tcp" -> new TcpProbe(t);
            case "http" -> new HttpProbe(t, s.probeTimeout());
            case "dns" -> new DnsProbe(t);
            default -> throw new IllegalArgumentException("unknown probe kind '" + t.kind() + "'");
        };
    }

    public List<Target> targets() { return slots.stream().map(s -> s.target).toList(); }

    public ProbeSettings settings() { return settings; }

    public boolean isEmpty() { return slots.isEmpty(); }

    /** How long opening may take: on a cold JVM on a busy machine, loading the clients alone can exceed a budget. */
    static final java.time.Duration OPEN_TIMEOUT = java.time.Duration.ofSeconds(5);

    /**
     * Makes the connections worth keeping and loads the clients, in parallel, before the first
     * question; never throws. It is a head start, not a check, so it gets longer than a check
     * does ({@link #OPEN_TIMEOUT}, or the probe timeout if longer); a hung target holds it that long.
     */
    public void open() {
        long wait = Math.max(OPEN_TIMEOUT.toNanos(), settings.probeTimeout().toNanos());
        long deadline = System.nanoTime() + wait;
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Slot s : slots) all.add(CompletableFuture.runAsync(() -> {
            synchronized (s.probe) { s.probe.open(deadline); }
        }, pool));
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(wait + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // checks report what is wrong; opening is only a head start
        }
    }

    /** One round: every target's result, in the order of the targets, within the budget. */
    public List<ProbeResult> run() {
        long realStart = System.nanoTime();
        long round = settings.roundTimeout().toNanos();
        long probeDeadline = realStart + settings.probeTimeout().toNanos();
        List<CompletableFuture<ProbeResult>> pending = new ArrayList<>();
        for (Slot s : slots) pending.add(s.request(probeDeadline));
        List<ProbeResult> out = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            long left = realStart + round - System.nanoTime();
            try {
                out.add(pending.get(i).get(Math.max(0, left), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                out.add(result(s.target, Finding.timeout("no answer within the " + settings.budget().toMillis() + " ms budget"),
                        (System.nanoTime() - realStart) / 1_000_000));
            } catch (ExecutionException e) {
                out.add(result(s.target, Failures.of(e.getCause()), (System.nanoTime() - realStart) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(result(s.target, Finding.timeout("interrupted"), (System.nanoTime() - realStart) / 1_000_000));
            }
        }
        return out;
    }

    /** One target's check: timed, classified, scrubbed of secrets, with the observations it yields. */
    private ProbeResult measure(Slot s, long t0, long deadline) {
        Finding f;
        try {
            f = s.probe.check(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f = Finding.timeout("interrupted");
        } catch (Exception | LinkageError e) {
            f = Failures.of(e);
        }
        ProbeResult r = result(s.target, f, (System.nanoTime() - t0) / 1_000_000);
        log.debug("probe {} {} {} in {} ms: {}", r.component(), r.target(), r.status().wire(), r.ms(), r.detail());
        return r;
    }

    static ProbeResult result(Target t, Finding f, long ms) {
        String detail = t.scrub(f.detail());
        List<Observation> obs = new ArrayList<>();
        String text = t.shown() + ": " + detail;
        if (f.healthy() != null) obs.add(new Observation(t.healthSymptom(), f.healthy(), text, Observation.PROBE));
        f.symptoms().forEach((symptom, present) -> obs.add(new Observation(symptom, present, text, Observation.PROBE)));
        return new ProbeResult(t.component(), t.shown(), f.status(), detail, ms, false, true, obs);
    }

    @Override public void close() {
        pool.shutdown();
        try {
            // checks under way end by their deadlines; let them, so their connections close cleanly
            if (!pool.awaitTermination(settings.budget().toMillis(), TimeUnit.MILLISECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (Slot s : slots) {
            try {
                s.probe.close();
            } catch (RuntimeException e) {
                log.warn("closing the {} probe failed: {}", s.target.component(), e.toString());
            }
        }
    }

    /**
     * One target: its probe, its breaker (resilience4j: open after {@code breakerFailures} failures
     * in a row, for {@code breakerCooldown}, then one trial call), the check under way, and its last
     * result, which a skipped check reports. Its recent result is in {@link #results}.
     */
    private final class Slot {
        final Target target;
        final Probe probe;
        final CircuitBreaker breaker;
        private ProbeResult last;
        /** When the last result came: the breaker opens on one, so its cooldown runs from here. */
        private long lastAt;
        private CompletableFuture<ProbeResult> inFlight;

        Slot(Target target, Probe probe) {
            this.target = target;
            this.probe = probe;
            this.breaker = CircuitBreaker.of(target.component() + " " + target.shown(), breakerConfig);
            breaker.getEventPublisher().onStateTransition(e -> {
                if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    log.info("probe {} failed {} times in a row; skipped for {} s", target.component(),
                            settings.breakerFailures(), settings.breakerCooldown().toSeconds());
                }
            });
        }

        synchronized CompletableFuture<ProbeResult> request(long deadline) {
            ProbeResult recent = results.getIfPresent(this);
            if (recent != null) return CompletableFuture.completedFuture(recent.asCached());
            if (inFlight != null) return inFlight;
            // the breaker opens only on a result, so an open one always has a last result to report
            if (!breaker.tryAcquirePermission() && last != null) return CompletableFuture.completedFuture(skipped());
            CompletableFuture<ProbeResult> f = CompletableFuture.supplyAsync(() -> {
                ProbeResult r = null;
                try {
                    long t0 = System.nanoTime();  // before the lock: a check still opening is part of the wait
                    synchronized (probe) { r = measure(this, t0, deadline); }
                    return r;
                } finally {
                    done(r);  // before the answer is seen, so the next request finds it cached and counted
                }
            }, pool);
            inFlight = f;
            return f;
        }

        private ProbeResult skipped() {
            long wait = Math.max(0, settings.breakerCooldown().toNanos() - (clock.getAsLong() - lastAt)) / 1_000_000_000L + 1;
            return new ProbeResult(last.component(), last.target(), Status.SKIPPED,
                    "skipped: failed " + settings.breakerFailures() + " times in a row, last " + last.status().wire()
                            + ": " + last.detail() + "; next try in " + wait + " s", 0, false, true, last.observations());
        }

        private synchronized void done(ProbeResult r) {
            inFlight = null;
            if (r == null) {
                breaker.releasePermission();
                return;
            }
            last = r;
            lastAt = clock.getAsLong();
            results.put(this, r);
            breaker.onResult(r.ms(), TimeUnit.MILLISECONDS, r);
        }
    }

    /** A {@link Clock} read from a nanosecond counter, for the breaker: its cooldown follows the prober's clock. */
    private static final class NanoClock extends Clock {
        private final LongSupplier nanos;

        NanoClock(LongSupplier nanos) { this.nanos = nanos; }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochSecond(0, nanos.getAsLong()); }
    }
}
