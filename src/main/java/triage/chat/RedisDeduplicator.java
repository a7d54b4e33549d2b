package triage.chat;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import triage.redis.RedisConnection;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * Keys in Redis ({@code SET key 1 NX EX ttl}), so several instances behind one URL share them and
 * a retry that lands on another instance is still dropped. Every command has a deadline; while
 * Redis cannot answer, the keys are kept in {@code fallback} (this process only) rather than
 * dropping or doubling every delivery.
 */
public final class RedisDeduplicator implements Deduplicator {
    private static final Logger log = LoggerFactory.getLogger(RedisDeduplicator.class);
    static final String PREFIX = "triage:seen:";

    private final RedisConnection redis;
    private final long ttlSeconds;
    private final String shown;
    private final Deduplicator fallback;

    public RedisDeduplicator(String url, Duration ttl, Duration timeout, Deduplicator fallback) {
        this.redis = new RedisConnection(url, timeout);
        this.shown = redis.shown();
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.fallback = Objects.requireNonNull(fallback);
    }

    private RedisCommands<String, String> commands() { return redis.commands(); }

    @Override public boolean firstSeen(String key) {
        try {
            boolean first = "OK".equals(commands().set(PREFIX + key, "1", SetArgs.Builder.nx().ex(ttlSeconds)));
            // keep the local copy in step, so a Redis outage right after still knows this key
            if (first) fallback.firstSeen(key);
            return first;
        } catch (RuntimeException e) {
            log.warn("de-duplication store {} did not answer ({}); using this process's memory", shown, e.getMessage());
            return fallback.firstSeen(key);
        }
    }

    @Override public void forget(String key) {
        fallback.forget(key);
        try {
            commands().del(PREFIX + key);
        } catch (RuntimeException e) {
            log.warn("de-duplication store {} did not answer ({}); key kept until it expires", shown, e.getMessage());
        }
    }

    @Override public String describe() { return shown; }

    @Override public void close() {
        redis.close();
        fallback.close();
    }
}
