package triage.chat;

import com.github.benmanes.caffeine.cache.Cache;
import triage.util.Caches;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Keys in this process (Caffeine): at most {@code capacity}, each for {@code ttl} from when it was first seen. */
public final class MemoryDeduplicator implements Deduplicator {
    private final int capacity;
    private final Duration ttl;
    private final Cache<String, Boolean> seen;

    public MemoryDeduplicator(int capacity, Duration ttl, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be positive");
        Objects.requireNonNull(clock);
        this.capacity = capacity;
        this.ttl = ttl;
        // full of live keys, one is dropped (a retry of it could slip through, nothing worse)
        this.seen = Caches.timedBy(clock).maximumSize(capacity).expireAfterWrite(ttl).build();
    }

    @Override public boolean firstSeen(String key) { return seen.asMap().putIfAbsent(key, Boolean.TRUE) == null; }

    @Override public void forget(String key) { seen.invalidate(key); }

    public int size() {
        seen.cleanUp();
        return (int) seen.estimatedSize();
    }

    @Override public String describe() { return "memory (" + capacity + " keys, " + ttl.toSeconds() + " s)"; }
}
