package triage.util;

import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Caffeine set up as Triage's caches are: time from an injected clock, upkeep in the caller's thread. */
public final class Caches {
    private Caches() {}

    /**
     * A builder whose expiry reads {@code clock} (tests move it by hand) and whose upkeep runs in the
     * calling thread: no background pool, and what a caller sees next is settled.
     */
    public static Caffeine<Object, Object> timedBy(Clock clock) {
        return Caffeine.newBuilder().ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).executor(Runnable::run);
    }
}
