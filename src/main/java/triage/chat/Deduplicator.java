package triage.chat;

/**
 * Remembers which deliveries were already taken, for a while, so a platform's retry or a replayed
 * request is not handled twice. Keys are opaque strings chosen by the adapter ("slack:event:Ev123").
 */
public interface Deduplicator extends AutoCloseable {
    /**
     * Records {@code key}.
     *
     * @return true the first time within the time to live (go ahead), false for a repeat (drop it)
     */
    boolean firstSeen(String key);

    /** Forgets {@code key}, so a delivery that could not be taken on may be tried again. */
    void forget(String key);

    /** For logs: where the keys live. */
    String describe();

    @Override default void close() {}
}
