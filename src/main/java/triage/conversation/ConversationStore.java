package triage.conversation;

import java.util.Optional;

/**
 * Where conversations live between turns. Implementations bound what they keep and expire idle ones.
 *
 * <p>Writes are compare-and-set on {@link ConversationState#version()}: a state is stored only over
 * the version before it, and a conversation is deleted only at the version it was read at, so a
 * turn that lost a race finds out (and is answered again on what won) rather than overwriting it,
 * and a write that timed out cannot land over anything written since.
 */
public interface ConversationStore extends AutoCloseable {
    /** @throws StoreUnavailable when the store cannot be reached in time */
    Optional<ConversationState> load(String id);

    /**
     * Stores {@code state} if the stored version is {@code state.version() - 1} (a conversation not
     * stored counts as version 0).
     *
     * @return false when another write came first (nothing was stored)
     * @throws StoreUnavailable when the store cannot be reached in time
     */
    boolean save(ConversationState state);

    /**
     * Deletes conversation {@code id} if its stored version is {@code version}.
     *
     * @return false when it was written since (nothing was deleted)
     * @throws StoreUnavailable when the store cannot be reached in time
     */
    boolean delete(String id, long version);

    /**
     * Whether {@code id} was pushed out to make room (not expired, not deleted) recently, so that
     * its next turn can say its memory was lost rather than start afresh as if it were new.
     */
    default boolean evicted(String id) { return false; }

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
