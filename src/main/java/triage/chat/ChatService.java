package triage.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.conversation.ConversationStore;
import triage.conversation.Conversations;
import triage.conversation.Turn;
import triage.web.Bodies;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core as the chat adapters see it: one message of one conversation in, one {@link Turn} out,
 * with the work on a bounded pool of background threads. Messages of one conversation are answered
 * one at a time (a button click and a typed reply arriving together must not both read the same
 * old state), different conversations in parallel.
 */
public final class ChatService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatService.class);
    private static final int STRIPES = 64;

    private final Conversations conversations;
    private final ThreadPoolExecutor executor;
    private final Object[] stripes = new Object[STRIPES];
    private final AtomicInteger inFlight = new AtomicInteger();

    /** Thrown when the background queue is full: the platform should try again later. */
    public static final class Busy extends RuntimeException {
        Busy() { super("too many chat messages in progress", null, false, false); }
    }

    public ChatService(Conversations conversations, int threads, int queue) {
        this.conversations = Objects.requireNonNull(conversations);
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Object();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "chat-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Whether conversation {@code id} is one the bot is in; false (with a log line) when the store
     * cannot tell, so the bot stays out rather than barging into a thread.
     */
    public boolean knows(String id) {
        try {
            return conversations.knows(id);
        } catch (ConversationStore.StoreUnavailable e) {
            log.warn("conversation {}: cannot tell whether the bot is in this thread ({}); not answering", id, e.getMessage());
            return false;
        }
    }

    /** Answers {@code text} in conversation {@code id}, in order with that conversation's other messages. */
    public Turn answer(String id, String text) {
        synchronized (stripes[Math.floorMod(id.hashCode(), STRIPES)]) {
            return conversations.handle(id, clean(text));
        }
    }

    /**
     * Answers a button's {@code text} only while {@code question} is still the one the conversation
     * asked last: a click on an old message must not answer whatever is being asked now.
     *
     * @return empty when that question is no longer open (or the conversation has expired)
     */
    public Optional<Turn> answerIfOpen(String id, String question, String text) {
        synchronized (stripes[Math.floorMod(id.hashCode(), STRIPES)]) {
            try {
                if (!conversations.isOpen(id, question)) return Optional.empty();
            } catch (ConversationStore.StoreUnavailable e) {
                log.warn("conversation {}: cannot check which question is open ({}); answering anyway", id, e.getMessage());
            }
            return Optional.of(conversations.handle(id, clean(text)));
        }
    }

    /** Blank means "help"; longer than {@value Bodies#MAX_TEXT} characters is cut. */
    static String clean(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return "help";
        return t.length() > Bodies.MAX_TEXT ? t.substring(0, Bodies.MAX_TEXT) : t;
    }

    /**
     * Runs {@code task} in the background.
     *
     * @throws Busy when the queue is full
     */
    public void submit(Runnable task) {
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("chat task failed", e);
                } finally {
                    done();
                }
            });
        } catch (RejectedExecutionException e) {
            done();
            throw new Busy();
        }
    }

    /** Answers in the background; the caller decides how long to wait. @throws Busy when the queue is full */
    public CompletableFuture<Turn> answerAsync(String id, String text) {
        CompletableFuture<Turn> f = new CompletableFuture<>();
        submit(() -> {
            try {
                f.complete(answer(id, text));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private void done() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (inFlight) { inFlight.notifyAll(); }
        }
    }

    /** Waits until no background task is queued or running; false if that took longer than {@code max}. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(inFlight, left);
            }
        }
        return true;
    }

    /** Lets queued replies go out (for a few seconds), then stops the threads. */
    @Override public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
