package triage.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import triage.util.Caches;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Conversations in this process (Caffeine): at most {@code capacity}, idle ones expire after
 * {@code idle} without a load or save. When full, Caffeine's admission policy drops the
 * conversation least likely to be used again, so a flood of new ids does not push out the ones in
 * use; the ids it does push out are remembered (up to {@value #EVICTED_REMEMBERED}, for as long as {@code idle}), so
 * their next turn says that memory was lost. Writes compare versions, as every store's do. Time is
 * read from {@code clock}, so tests move it by hand.
 */
public final class MemoryStore implements ConversationStore {
    private final int capacity;
    private final Duration idle;
    private final Cache<String, ConversationState> cache;
    /** Ids pushed out, by a 64-bit hash: a flood pushes through many more ids than the store holds. */
    private final Cache<Long, Boolean> evicted;
    /** How many pushed-out ids are remembered (at some 100 bytes each). */
    static final int EVICTED_REMEMBERED = 200_000;

    public MemoryStore(int capacity, Duration idle, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
        this.idle = idle;
        this.evicted = Caches.timedBy(clock).maximumSize(Math.max(capacity, EVICTED_REMEMBERED)).expireAfterWrite(idle).build();
        this.cache = Caches.timedBy(clock).maximumSize(capacity).expireAfterAccess(idle)
                .<String, ConversationState>evictionListener((id, state, cause) -> {
                    if (cause == RemovalCause.SIZE && id != null) evicted.put(hash(id), Boolean.TRUE);
                })
                .build();
    }

    @Override public Optional<ConversationState> load(String id) {
        return Optional.ofNullable(cache.getIfPresent(id));
    }

    @Override public boolean save(ConversationState state) {
        boolean[] stored = {false};
        cache.asMap().compute(state.id(), (id, old) -> {
            long version = old == null ? 0 : old.version();
            if (version != state.version() - 1) return old;
            stored[0] = true;
            return state;
        });
        if (stored[0]) evicted.invalidate(hash(state.id()));
        return stored[0];
    }

    @Override public boolean delete(String id, long version) {
        boolean[] deleted = {false};
        cache.asMap().computeIfPresent(id, (k, old) -> {
            if (old.version() != version) return old;
            deleted[0] = true;
            return null;
        });
        evicted.invalidate(hash(id));
        // deleting what is not there at version 0 is done; at a later version someone wrote it since
        return deleted[0] || (version == 0 && cache.getIfPresent(id) == null);
    }

    @Override public boolean evicted(String id) { return evicted.getIfPresent(hash(id)) != null; }

    /** FNV-1a, 64 bits: a collision only makes a new conversation say its memory was lost. */
    private static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    public int size() {
        cache.cleanUp();
        return (int) cache.estimatedSize();
    }

    @Override public String describe() { return "memory (" + capacity + " conversations, idle " + idle.toMinutes() + " min)"; }
}
