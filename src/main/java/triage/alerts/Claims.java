package triage.alerts;

/**
 * Who handles what, across instances: a key is claimed once for as long as the store keeps it
 * (Redis {@code SET NX EX} behind the chat adapters' de-duplication, or this process's memory).
 */
public interface Claims {
    /** @return true for the one caller that claims {@code key} first, false for every later one */
    boolean claim(String key);

    /** Gives {@code key} back, so the work may be tried again (the post did not land). */
    void release(String key);
}
