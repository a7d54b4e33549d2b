package triage.language.similar;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The model's native work, and the way to end it before the process exits.
 *
 * <p>ONNX Runtime releases its environment, one per process, in a JVM shutdown hook of its own.
 * Shutdown hooks run at the same time and in no order, so a process that exits while another
 * thread creates or runs a session crashes in native code (SIGSEGV, an {@code hs_err} file, exit
 * status 134) instead of stopping: a stop half a second after a start is enough. Every native call
 * of the {@link Encoder} runs through {@link #run}; a process about to exit calls {@link #quiesce}
 * first, which refuses new work from then on (the phrases answer alone) and waits for the work
 * under way.
 *
 * <p>{@link #process()} is the one instance the encoders use, process-wide as the environment it
 * guards is; tests make their own.
 */
public final class NativeWork {
    private static final NativeWork PROCESS = new NativeWork();

    private final Object lock = new Object();
    private int running;
    private boolean stopping;

    NativeWork() {}

    /** Refused: the process is stopping. */
    static final class Stopping extends IllegalStateException {
        Stopping() {
            super("the process is stopping; no new model work");
        }
    }

    /** Whether {@code e}, or what caused it, is a refusal because the process is stopping. */
    static boolean stopping(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof Stopping) return true;
        return false;
    }

    /** The gate of this process's model work. */
    public static NativeWork process() { return PROCESS; }

    /**
     * Runs {@code work}, counted as under way until it returns.
     *
     * @throws Stopping once {@link #quiesce} has been called
     */
    <T> T run(Supplier<T> work) {
        synchronized (lock) {
            if (stopping) throw new Stopping();
            running++;
        }
        try {
            return work.get();
        } finally {
            synchronized (lock) {
                running--;
                lock.notifyAll();
            }
        }
    }

    /**
     * Refuses new work from now on and waits, {@code wait} at most, for the work under way.
     *
     * @return whether nothing runs any more (false: the wait ran out, the exit goes ahead anyway)
     */
    public boolean quiesce(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            stopping = true;
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Calls under way now (for tests). */
    int running() {
        synchronized (lock) {
            return running;
        }
    }
}
