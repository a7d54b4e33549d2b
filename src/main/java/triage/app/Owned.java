package triage.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What an {@link App} built and closes, newest first. Things are built on two threads (before
 * listening, and once the first rule set has loaded), so one made after closing began is closed
 * at once rather than left open.
 */
final class Owned implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Owned.class);

    private final Deque<AutoCloseable> built = new ArrayDeque<>();
    private boolean closed;

    /**
     * Keeps {@code resource} to close later.
     *
     * @throws IllegalStateException when closing has begun ({@code resource} is closed then)
     */
    <T extends AutoCloseable> T own(T resource) {
        synchronized (built) {
            if (!closed) {
                built.push(resource);
                return resource;
            }
        }
        quietly(resource);
        throw new IllegalStateException("closed while starting");
    }

    /** Closes everything, newest first; a second call does nothing. */
    @Override public void close() {
        synchronized (built) {
            if (closed) return;
            closed = true;
        }
        while (true) {
            AutoCloseable c;
            synchronized (built) {
                if (built.isEmpty()) return;
                c = built.pop();
            }
            quietly(c);
        }
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing {} failed: {}", c, e.toString());
        }
    }
}
