package triage.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Conversations in this process: at most {@code capacity}, least recently used dropped first, idle ones expire. */
public final class MemoryStore implements ConversationStore {
    private final int capacity;
    private final Duration idle;
    private final Clock clock;
    private final LinkedHashMap<String, ConversationState> map;

    public MemoryStore(int capacity, Duration idle, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
        this.idle = idle;
        this.clock = clock;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, ConversationState> eldest) {
                return size() > MemoryStore.this.capacity;
            }
        };
    }

    @Override public synchronized Optional<ConversationState> load(String id) {
        ConversationState s = map.get(id);
        if (s == null) return Optional.empty();
        if (expired(s)) {
            map.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    @Override public synchronized void save(ConversationState state) {
        map.put(state.id(), state);
        // least recently used first: expired ones sit at the head
        var it = map.values().iterator();
        while (it.hasNext()) {
            if (expired(it.next())) it.remove();
            else break;
        }
    }

    @Override public synchronized void delete(String id) { map.remove(id); }

    public synchronized int size() { return map.size(); }

    private boolean expired(ConversationState s) {
        return s.updatedAt().plus(idle).isBefore(Instant.now(clock));
    }

    @Override public String describe() { return "memory (" + capacity + " conversations, idle " + idle.toMinutes() + " min)"; }
}
