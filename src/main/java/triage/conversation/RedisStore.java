package triage.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.api.sync.RedisCommands;
import triage.redis.RedisConnection;

import java.time.Duration;
import java.util.Optional;

/**
 * Conversations in Redis, so several instances share them and a restarted bot carries on.
 * Each is one JSON value under {@code triage:conversation:<id>} that expires when idle. Every
 * command has a deadline; while Redis is down commands fail at once (no queueing), and the
 * client reconnects by itself when Redis returns.
 */
public final class RedisStore implements ConversationStore {
    static final String PREFIX = "triage:conversation:";

    private final RedisConnection redis;
    private final Duration ttl;
    private final String shown;
    private final ObjectMapper json = StoredState.mapper();

    public RedisStore(String url, Duration ttl, Duration timeout) {
        this.redis = new RedisConnection(url, timeout);
        this.shown = redis.shown();
        this.ttl = ttl;
    }

    /** Connects now, so the first conversation does not pay for it; failure is not fatal. */
    public boolean warmUp() {
        try {
            commands().ping();
            return true;
        } catch (RuntimeException e) {
            // a connection that is up but not yet ready rejects commands (RedisException): not fatal either
            return false;
        }
    }

    private RedisCommands<String, String> commands() {
        try {
            return redis.commands();
        } catch (RuntimeException e) {
            throw new StoreUnavailable("redis at " + shown + " is unreachable: " + e.getMessage(), e);
        }
    }

    @Override public Optional<ConversationState> load(String id) {
        String value;
        try {
            value = commands().get(PREFIX + id);
        } catch (StoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailable("redis at " + shown + " did not answer: " + e.getMessage(), e);
        }
        if (value == null) return Optional.empty();
        try {
            return Optional.of(json.readValue(value, ConversationState.class));
        } catch (JsonProcessingException e) {
            // a value we cannot read (another version wrote it) is a conversation we do not have
            return Optional.empty();
        }
    }

    @Override public void save(ConversationState state) {
        String value;
        try {
            value = json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversation state does not serialize", e);
        }
        try {
            commands().setex(PREFIX + state.id(), Math.max(1, ttl.toSeconds()), value);
        } catch (StoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailable("redis at " + shown + " did not answer: " + e.getMessage(), e);
        }
    }

    @Override public void delete(String id) {
        try {
            commands().del(PREFIX + id);
        } catch (StoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailable("redis at " + shown + " did not answer: " + e.getMessage(), e);
        }
    }

    @Override public String describe() { return shown; }

    @Override public void close() {
        redis.close();
    }
}
