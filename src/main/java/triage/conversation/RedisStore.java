package triage.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import triage.redis.RedisConnection;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Conversations in Redis, so several instances share them and a restarted bot carries on.
 * Each is one JSON value under {@code triage:conversation:<id>} that expires when idle. Every
 * command has a deadline; while Redis is down commands fail at once (no queueing), and the
 * client reconnects by itself when Redis returns.
 *
 * <p>Writes are Lua scripts that compare the stored {@code version} with the one the write was
 * based on (compare-and-set across instances) and that carry their own deadline, read against
 * Redis's clock: a write that timed out here and reaches Redis later (Redis was stopped, say) does
 * nothing, so it can never replace what was written meanwhile, nor delete it.
 */
public final class RedisStore implements ConversationStore {
    static final String PREFIX = "triage:conversation:";

    /** The stored version, 0 when absent or unreadable (cjson.decode may throw on another version's value). */
    private static final String VERSION = """
            local function version(key)
              local cur = redis.call('GET', key)
              if not cur then return 0 end
              local ok, v = pcall(function() return cjson.decode(cur)['version'] end)
              if ok and type(v) == 'number' then return v end
              return 0
            end
            local t = redis.call('TIME')
            if tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(ARGV[1]) then return -1 end
            """;
    /** KEYS[1] the key; ARGV: deadline (Redis ms), expected version, value, ttl seconds. 1 stored, 0 lost the race, -1 too late. */
    private static final String SAVE = VERSION + """
            if version(KEYS[1]) ~= tonumber(ARGV[2]) then return 0 end
            redis.call('SETEX', KEYS[1], ARGV[4], ARGV[3])
            return 1
            """;
    /** KEYS[1] the key; ARGV: deadline (Redis ms), expected version. 1 deleted (or absent at 0), 0 written since, -1 too late. */
    private static final String DELETE = VERSION + """
            if version(KEYS[1]) ~= tonumber(ARGV[2]) then return 0 end
            redis.call('DEL', KEYS[1])
            return 1
            """;

    private final RedisConnection redis;
    private final Duration ttl;
    private final Duration timeout;
    private final String shown;
    private final ObjectMapper json = StoredState.mapper();
    /** Redis's clock minus ours, in ms, as last read; null until first read. */
    private volatile Long offset;

    public RedisStore(String url, Duration ttl, Duration timeout) {
        this.redis = new RedisConnection(url, timeout);
        this.shown = redis.shown();
        this.ttl = ttl;
        this.timeout = timeout;
    }

    /** Connects now, so the first conversation does not pay for it; failure is not fatal. */
    public boolean warmUp() {
        try {
            commands().ping();
            redisDeadline();
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

    /**
     * When, by Redis's clock, a write sent now must have been carried out: now plus the command
     * deadline. Redis's clock is read once (TIME) and then kept as an offset from ours.
     */
    private long redisDeadline() {
        Long o = offset;
        if (o == null) {
            long before = System.currentTimeMillis();
            List<String> t = commands().time();
            long redisNow = Long.parseLong(t.get(0)) * 1000 + Long.parseLong(t.get(1)) / 1000;
            // taken as of the request's start: the deadline errs early, never late
            o = redisNow - System.currentTimeMillis() - (System.currentTimeMillis() - before);
            offset = o;
        }
        return System.currentTimeMillis() + o + timeout.toMillis();
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

    @Override public boolean save(ConversationState state) {
        String value;
        try {
            value = json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversation state does not serialize", e);
        }
        return run(SAVE, PREFIX + state.id(), String.valueOf(state.version() - 1), value,
                String.valueOf(Math.max(1, ttl.toSeconds())));
    }

    @Override public boolean delete(String id, long version) {
        return run(DELETE, PREFIX + id, String.valueOf(version));
    }

    private boolean run(String script, String key, String... args) {
        Long r;
        try {
            String[] argv = new String[args.length + 1];
            argv[0] = String.valueOf(redisDeadline());
            System.arraycopy(args, 0, argv, 1, args.length);
            r = commands().eval(script, ScriptOutputType.INTEGER, new String[] {key}, argv);
        } catch (StoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailable("redis at " + shown + " did not answer: " + e.getMessage(), e);
        }
        if (r != null && r == -1) {
            offset = null;  // read Redis's clock again: it may have moved
            throw new StoreUnavailable("redis at " + shown + " answered after the deadline; nothing was written", null);
        }
        return r != null && r == 1;
    }

    @Override public String describe() { return shown; }

    @Override public void close() {
        redis.close();
    }
}
