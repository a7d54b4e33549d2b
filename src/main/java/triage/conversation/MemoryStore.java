package triage.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import triage.util.Caches;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Conversations in this process (Caffeine): at most {@code capacity}, idle ones expire after
 * {@code idle} without a load or save. When full, Caffeine's admission policy drops the
 * conversation least likely to be used again, so a flood of new ids does not push out the ones in
 * use. Time is read from {@code clock}, so tests move it by hand.
 */
public final class MemoryStore implements ConversationStore {
    private final int capacity;
    private final Duration idle;
    private final Cache<String, ConversationState> cache;

    public MemoryStore(int capacity, Duration idle, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
        this.idle = idle;
        this.cache = Caches.timedBy(clock).maximumSize(capacity).expireAfterAccess(idle).build();
    }

    @Override public Optional<ConversationState> load(String id) {
        return Optional.ofNullable(cache.getIfPresent(id));
    }

    @Override public void save(ConversationState state) { cache.put(state.id(), state); }

    @Override public void delete(String id) { cache.invalidate(id); }

    public int size() {
        cache.cleanUp();
        return (int) cache.estimatedSize();
    }

    @Override public String describe() { return "memory (" + capacity + " conversations, idle " + idle.toMinutes() + " min)"; }
}
