package triage.chat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxTest {
    private record Try(boolean delivered, boolean again, String problem, long retryAfterMs) implements Outbox.Attempt {}

    @Test
    void a_full_queue_drops_the_call_at_once_and_await_idle_waits_for_the_calls_under_way() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Outbox box = new Outbox("test-post", 1, 1)) {
            CompletableFuture<Boolean> running = box.submit("c1", "post", () -> await(release), false);
            CompletableFuture<Boolean> queued = box.submit("c2", "post", () -> true, false);
            CompletableFuture<Boolean> dropped = box.submit("c3", "post", () -> true, false);
            assertFalse(dropped.get(1, TimeUnit.SECONDS), "no room: answered false at once");
            assertFalse(box.awaitIdle(Duration.ofMillis(200)), "a call is still under way");
            release.countDown();
            assertTrue(box.awaitIdle(Duration.ofSeconds(30)));
            assertTrue(running.get() && queued.get());
            assertEquals(false, box.submit("c4", "post", () -> { throw new IllegalStateException("boom"); }, false)
                    .get(30, TimeUnit.SECONDS), "a call that throws gives the fallback");
        }
    }

    @Test
    void only_what_cannot_have_been_delivered_is_tried_again() {
        AtomicInteger tries = new AtomicInteger();
        List<Try> script = new ArrayList<>(List.of(new Try(false, true, "refused", 0), new Try(false, true, "HTTP 503", 0),
                new Try(true, false, null, 0)));
        Try last = Outbox.deliver(Outbox.retry("test", 5, Duration.ofMillis(1)), "c1", "post",
                () -> { tries.incrementAndGet(); return script.remove(0); });
        assertTrue(last.delivered());
        assertEquals(3, tries.get());

        tries.set(0);
        Try timedOut = Outbox.deliver(Outbox.retry("test", 5, Duration.ofMillis(1)), "c1", "post",
                () -> { tries.incrementAndGet(); return new Try(false, false, "no answer; it may have landed", 0); });
        assertFalse(timedOut.delivered());
        assertEquals(1, tries.get(), "a call that may have landed is not repeated");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
