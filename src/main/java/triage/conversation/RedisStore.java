package triage.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

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

    private final RedisClient client;
    private final Duration ttl;
    private final String shown;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private StatefulRedisConnection<String, String> connection;

    public RedisStore(String url, Duration ttl, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.shown = "redis://" + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        this.ttl = ttl;
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /** Connects now, so the first conversation does not pay for it; failure is not fatal. */
    public boolean warmUp() {
        try {
            commands().ping();
            return true;
        } catch (StoreUnavailable e) {
            return false;
        }
    }

    private synchronized RedisCommands<String, String> commands() {
        try {
            if (connection == null) connection = client.connect();
            return connection.sync();
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

    @Override public synchronized void close() {
        if (connection != null) connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
