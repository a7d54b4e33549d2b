package triage.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keys in this process: at most {@code capacity}, each for {@code ttl}. Every key lives equally
 * long, so insertion order is expiry order and expired keys are always at the head.
 */
public final class MemoryDeduplicator implements Deduplicator {
    private final int capacity;
    private final long ttlMillis;
    private final Clock clock;
    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

    public MemoryDeduplicator(int capacity, Duration ttl, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be positive");
        this.capacity = capacity;
        this.ttlMillis = ttl.toMillis();
        this.clock = Objects.requireNonNull(clock);
    }

    @Override public synchronized boolean firstSeen(String key) {
        long now = clock.millis();
        Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator();
        while (it.hasNext() && it.next().getValue() <= now) it.remove();
        Long until = expiries.get(key);
        if (until != null) return false;
        if (expiries.size() >= capacity) {
            // full of live keys: the oldest goes first (a retry of it could slip through, nothing worse)
            it = expiries.entrySet().iterator();
            it.next();
            it.remove();
        }
        expiries.put(key, now + ttlMillis);
        return true;
    }

    @Override public synchronized void forget(String key) { expiries.remove(key); }

    public synchronized int size() { return expiries.size(); }

    @Override public String describe() { return "memory (" + capacity + " keys, " + ttlMillis / 1000 + " s)"; }
}
