package triage.chat;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where a chat adapter's outgoing calls wait and run: a bounded pool of daemon threads with a
 * bounded queue (a full queue drops the call with a log line rather than holding a chat worker),
 * the calls under way (so a test or a shutdown can wait for them), and the way a call is tried
 * again ({@link #retry}, {@link #deliver}). Slack's Web API and Teams' Bot Connector each post through one.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final String name;
    private final int queue;
    private final ThreadPoolExecutor pool;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

    /** @param name the threads' name prefix and the logs' label, e.g. {@code slack-post} */
    public Outbox(String name, int threads, int queue) {
        this.name = name;
        this.queue = queue;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code call} in the background. @return its result; {@code failed} when it threw or the
     * queue was full (each logged with the conversation id, never with the message)
     */
    public <T> CompletableFuture<T> submit(String conversation, String what, Supplier<T> call, T failed) {
        CompletableFuture<T> f = new CompletableFuture<>();
        pending.add(f);
        f.whenComplete((ok, e) -> pending.remove(f));
        try {
            pool.execute(() -> {
                try {
                    f.complete(call.get());
                } catch (RuntimeException e) {
                    log.error("{}: conversation {}: {} failed", name, conversation, what, e);
                    f.complete(failed);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("{}: conversation {}: {} not sent: {} calls already waiting", name, conversation, what, queue);
            f.complete(failed);
        }
        return f;
    }

    /** Waits until every call under way has ended; false if that took longer than {@code max}. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!pending.isEmpty()) {
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // every call completes normally
            }
        }
        return true;
    }

    /** Stops taking calls and lets those under way and queued go out (for a few seconds), then stops the threads. */
    public void shutdown() { pool.shutdown(); }

    /** Waits up to {@code max} for the calls already taken, then stops the threads. */
    public void awaitShutdown(Duration max) {
        try {
            if (!pool.awaitTermination(max.toMillis(), TimeUnit.MILLISECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() {
        shutdown();
        awaitShutdown(Duration.ofSeconds(5));
    }

    /** One try of a call, as far as trying again goes. */
    public interface Attempt {
        boolean delivered();

        /** It cannot have been delivered (no connection, 429, 5xx, ...): another try is safe. */
        boolean again();

        /** Why it was not delivered, for the log (never the message or a token). */
        String problem();

        /** How long the other side asked to wait before the next try, else 0. */
        long retryAfterMs();
    }

    /**
     * A call's retry: up to {@code attempts} tries while {@link Attempt#again} says the last one
     * cannot have been delivered, pausing {@code backoff}, doubled each time, or the {@code Retry-After}
     * the answer asked for when that is longer. Exceptions are not tried again.
     */
    public static Retry retry(String name, int attempts, Duration backoff) {
        long first = Math.max(1, backoff.toMillis());
        return Retry.of(name, RetryConfig.<Attempt>custom()
                .maxAttempts(attempts)
                .retryOnResult(Attempt::again)
                .retryOnException(e -> false)
                .intervalBiFunction((n, outcome) -> Math.max(first << Math.min(n - 1, 20),
                        outcome.isRight() ? outcome.get().retryAfterMs() : 0))
                .build());
    }

    /**
     * Tries {@code attempt} under {@code retry}, logging each try after the first (or one to be
     * repeated) and a call that could not be delivered, with the conversation id. @return the last try
     */
    public static <A extends Attempt> A deliver(Retry retry, String conversation, String what, Supplier<A> attempt) {
        int[] tries = {0};
        A last = retry.executeSupplier(() -> {
            A a = attempt.get();
            if (++tries[0] > 1 || a.again()) {
                log.info("{}: conversation {}: {} attempt {}: {}", retry.getName(), conversation, what, tries[0],
                        a.delivered() ? "delivered" : a.problem());
            }
            return a;
        });
        if (!last.delivered()) {
            log.warn("{}: conversation {}: reply could not be delivered ({} failed after {} attempt(s): {})", retry.getName(),
                    conversation, what, tries[0], last.problem());
        }
        return last;
    }
}
