package triage.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_burst_is_allowed_then_tokens_come_back_at_the_rate() {
        RateLimiter limiter = new RateLimiter(2, 3, 100);
        long t = 5 * SECOND;
        for (int i = 0; i < 3; i++) assertTrue(limiter.allow("a", t), "burst " + i);
        assertFalse(limiter.allow("a", t));
        assertEquals(1, limiter.retryAfter("a"));
        assertFalse(limiter.allow("a", t + SECOND / 4), "half a token is not a token");
        assertTrue(limiter.allow("a", t + SECOND / 2));
        assertFalse(limiter.allow("a", t + SECOND / 2));
        assertTrue(limiter.allow("b", t), "another client has its own bucket");
        // a long pause refills to the burst, not beyond
        for (int i = 0; i < 3; i++) assertTrue(limiter.allow("a", t + 100 * SECOND), "after a pause " + i);
        assertFalse(limiter.allow("a", t + 100 * SECOND));
    }

    @Test
    void retry_after_is_the_wait_for_the_next_token_in_whole_seconds() {
        RateLimiter limiter = new RateLimiter(0.1, 1, 100);
        assertEquals(1, limiter.retryAfter("unknown"));
        assertTrue(limiter.allow("a", 0));
        assertFalse(limiter.allow("a", 0));
        assertEquals(10, limiter.retryAfter("a"));
        assertFalse(limiter.allow("a", 5 * SECOND));
        assertEquals(5, limiter.retryAfter("a"));
    }

    @Test
    void at_most_the_bound_of_clients_is_kept_and_the_least_recently_seen_go_first() {
        RateLimiter limiter = new RateLimiter(1e-9, 1, 3);
        assertTrue(limiter.allow("a", 1));
        assertTrue(limiter.allow("b", 2));
        assertTrue(limiter.allow("c", 3));
        assertFalse(limiter.allow("a", 4));
        assertTrue(limiter.allow("d", 5), "a new client");
        assertEquals(3, limiter.size());
        assertFalse(limiter.allow("c", 6), "c is still remembered");
        assertFalse(limiter.allow("a", 7), "a was seen after b");
        assertTrue(limiter.allow("b", 8), "b was seen least recently, so it was forgotten");

        RateLimiter many = new RateLimiter(1, 1, 100);
        for (int i = 0; i < 1000; i++) {
            many.allow("10.0.0." + i, i);
            assertTrue(many.size() <= 100, "size " + many.size());
        }
    }

    /** All of a proxy's requests are one client: concurrent takes must not lose each other's update. */
    @Test
    void concurrent_requests_of_one_client_get_exactly_the_burst() throws Exception {
        int threads = 8, each = 5_000, burst = 12_345;
        RateLimiter limiter = new RateLimiter(1e-9, burst, 100);
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) if (limiter.allow("proxy", 42)) allowed.incrementAndGet();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(burst, allowed.get());
    }

    /** Clients coming and going past the bound while one client is busy: the bound holds, nothing is lost or stuck. */
    @Test
    void dropping_buckets_under_concurrency_keeps_the_bound() throws Exception {
        int threads = 4;
        RateLimiter limiter = new RateLimiter(1e-9, 1, 64);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger allowed = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        // every client is new: each gets its one token, whoever's bucket gets dropped meanwhile
                        if (limiter.allow(thread + "-" + i, System.nanoTime())) allowed.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * 20_000, allowed.get());
        assertTrue(limiter.size() <= 64, "size " + limiter.size());
    }
}
