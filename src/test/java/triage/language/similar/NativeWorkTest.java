package triage.language.similar;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeWorkTest {
    @Test
    void quiesce_waits_for_the_work_under_way_and_refuses_new_work() throws Exception {
        NativeWork work = new NativeWork();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> work.run(() -> {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        }));
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        CompletableFuture<Boolean> quiet = CompletableFuture.supplyAsync(() -> work.quiesce(Duration.ofSeconds(30)));
        Thread.sleep(100);
        assertFalse(quiet.isDone(), "it waits while work runs");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> work.run(() -> "new"), "no new work once stopping");
        assertTrue(NativeWork.stopping(new RuntimeException(refused)), "a refusal is known as one, wrapped too");
        assertFalse(NativeWork.stopping(new IllegalStateException("other")));
        release.countDown();
        assertTrue(quiet.get(30, TimeUnit.SECONDS));
        assertEquals("done", running.get(30, TimeUnit.SECONDS), "the work under way finishes");
        assertEquals(0, work.running());
    }

    @Test
    void quiesce_gives_up_at_its_deadline() throws Exception {
        NativeWork work = new NativeWork();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> work.run(() -> {
            inside.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        assertFalse(work.quiesce(Duration.ofMillis(50)), "the exit goes ahead when the work does not end in time");
        release.countDown();
        running.get(30, TimeUnit.SECONDS);
    }

    @Test
    void a_failed_call_is_no_longer_under_way() {
        NativeWork work = new NativeWork();
        assertThrows(IllegalArgumentException.class, () -> work.run(() -> { throw new IllegalArgumentException("bad"); }));
        assertEquals(0, work.running());
        assertTrue(work.quiesce(Duration.ZERO));
    }
}
