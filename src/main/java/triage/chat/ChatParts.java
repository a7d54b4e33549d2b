package triage.chat;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.Objects;

/**
 * What every chat adapter is built from: the background worker that answers, the record of
 * deliveries already taken, the JSON mapper and the clock signatures and tokens are checked against.
 * {@link ChatAdapters} makes one and hands it to each adapter it switches on.
 */
public record ChatParts(ChatService chat, Deduplicator seen, ObjectMapper json, Clock clock) {
    public ChatParts {
        Objects.requireNonNull(chat);
        Objects.requireNonNull(seen);
        Objects.requireNonNull(json);
        Objects.requireNonNull(clock);
    }
}
