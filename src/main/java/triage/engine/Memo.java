package triage.engine;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded memo of a pure function's results, safe to share between requests. Full, it
 * starts over (a burst of distinct inputs costs a recomputation, never unbounded memory); the
 * values must be immutable. Kept per rulebook revision ({@link Memos}), so a reload starts afresh.
 */
final class Memo<K, V> {
    private final int max;
    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();

    Memo(int max) {
        this.max = max;
    }

    V get(K key) {
        return map.get(key);
    }

    void put(K key, V value) {
        if (map.size() >= max) map.clear();
        map.put(key, value);
    }

    int size() { return map.size(); }
}
