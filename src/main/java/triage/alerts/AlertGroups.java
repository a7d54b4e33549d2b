package triage.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.SetArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.redis.RedisConnection;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What Triage remembers of each alert group it posted: where its thread is and which alerts were
 * firing when it last said so. Keyed by a hash of the group key; kept {@link #KEEP} (a group that
 * resolves later than that starts a new thread).
 */
public interface AlertGroups extends AutoCloseable {
    Duration KEEP = Duration.ofDays(7);

    /**
     * @param firing fingerprints of the alerts firing as last posted
     * @param lines the root message's details as first posted (the diagnosis), kept when it is updated
     */
    record Group(String channel, String ts, String conversation, Set<String> firing, java.util.List<String> lines,
                 boolean resolved) {
        public Group {
            firing = Set.copyOf(firing);
            lines = java.util.List.copyOf(lines);
        }

        AlertThreads.Thread thread() { return new AlertThreads.Thread(channel, ts, conversation); }
    }

    /** @throws Unavailable when the store does not answer in time */
    Optional<Group> load(String key);

    /** @throws Unavailable when the store does not answer in time */
    void save(String key, Group group);

    String describe();

    @Override default void close() {}

    /** The store did not answer in time. */
    final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) { super(message, cause); }
    }

    /** In this process only (one instance). */
    static AlertGroups memory(int max) {
        Cache<String, Group> groups = Caffeine.newBuilder().maximumSize(max).expireAfterWrite(KEEP).build();
        return new AlertGroups() {
            @Override public Optional<Group> load(String key) { return Optional.ofNullable(groups.getIfPresent(key)); }
            @Override public void save(String key, Group group) { groups.put(key, group); }
            @Override public String describe() { return "memory"; }
        };
    }

    /** In Redis ({@code triage:alert:<hash>}, JSON, expiring after {@link #KEEP}), shared by every instance. */
    static AlertGroups redis(String url, Duration timeout) {
        return new RedisGroups(new RedisConnection(url, timeout));
    }

    /** Redis-backed groups; every command has the connection's deadline. */
    final class RedisGroups implements AlertGroups {
        private static final Logger log = LoggerFactory.getLogger(RedisGroups.class);
        static final String PREFIX = "triage:alert:";
        private final RedisConnection redis;
        private final ObjectMapper json = new ObjectMapper();

        RedisGroups(RedisConnection redis) { this.redis = redis; }

        @Override public Optional<Group> load(String key) {
            String v;
            try {
                v = redis.commands().get(PREFIX + key);
            } catch (RuntimeException e) {
                throw new Unavailable("alert groups in " + redis.shown() + " did not answer: " + e.getMessage(), e);
            }
            if (v == null) return Optional.empty();
            try {
                return Optional.of(json.readValue(v, Group.class));
            } catch (JsonProcessingException e) {
                log.warn("alert group {}: stored record does not read ({}); treated as new", key, e.getOriginalMessage());
                return Optional.empty();
            }
        }

        @Override public void save(String key, Group group) {
            try {
                redis.commands().set(PREFIX + key, json.writeValueAsString(group), SetArgs.Builder.ex(KEEP.toSeconds()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                throw new Unavailable("alert groups in " + redis.shown() + " did not answer: " + e.getMessage(), e);
            }
        }

        @Override public String describe() { return redis.shown(); }

        @Override public void close() { redis.close(); }
    }
}
