package triage.conversation;

import java.util.Optional;

/** Where conversations live between turns. Implementations bound what they keep and expire idle ones. */
public interface ConversationStore extends AutoCloseable {
    /** @throws StoreUnavailable when the store cannot be reached in time */
    Optional<ConversationState> load(String id);

    /** @throws StoreUnavailable when the store cannot be reached in time */
    void save(ConversationState state);

    /** @throws StoreUnavailable when the store cannot be reached in time */
    void delete(String id);

    /** A short description for logs and /healthz: "memory" or "redis://host:port". */
    String describe();

    @Override default void close() {}

    /** The store is down, hung or refused: the conversation goes on without its memory. */
    final class StoreUnavailable extends RuntimeException {
        public StoreUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
