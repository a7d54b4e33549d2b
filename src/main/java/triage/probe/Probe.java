package triage.probe;

/**
 * One kind of live check against one target. Read-only; every network call it makes ends by
 * {@code deadline} (a {@link System#nanoTime()} value). A probe is used by one thread at a time.
 */
interface Probe extends AutoCloseable {
    /** Checks the target; throws on failures that {@link Failures#of} classifies. */
    Finding check(long deadline) throws Exception;

    /** Makes what is cheap to keep (a connection) ahead of the first check; failures are not fatal. */
    default void open(long deadline) {}

    @Override default void close() {}

    static long remainingMs(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }
}
