package triage.language.similar;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.engine.Rulebook;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading in the background: the phrases answer alone until the model and the examples are ready.
 * Every wait is bounded generously ({@link #LOADING}) and ordered by latches, not by sleeps: the
 * suite runs on a loaded two-core machine.
 */
class RecallLoadingTest {
    /**
     * Generous bounds for what a loaded two-core machine may take: loading the model and embedding
     * every example (a few seconds when quiet), and a call that waits for nothing.
     */
    private static final Duration LOADING = Duration.ofMinutes(3);

    /** The real model, held back until {@code release} lets it load; {@code loading} counts down as it starts to. */
    private static Encoder heldBack(CountDownLatch release, CountDownLatch loading) {
        return new Encoder(() -> {
            loading.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            EmbeddingModel m = new MiniLm(1);
            return m;
        }, 100);
    }

    @Test
    void before_the_model_loads_unread_text_stays_unread_and_after_it_is_matched() throws Exception {
        Rulebook rb = Fixtures.shipped();
        CountDownLatch release = new CountDownLatch(1);
        Encoder encoder = heldBack(release, new CountDownLatch(1));
        Recall recall = new Recall(encoder, Thresholds.DEFAULT);
        recall.startLoading(rb.knowledge(), rb.revision(), rb.interpreter()::polarityAbout);
        List<String> unread = List.of("db utilisation is very high");

        Recall.Result before = recall.read(rb.knowledge(), rb.revision(), rb.interpreter()::polarityAbout, unread, false);
        assertTrue(before.found().isEmpty());
        assertEquals(unread, before.unread());
        assertTrue(!encoder.loaded());

        release.countDown();
        long deadline = System.nanoTime() + LOADING.toNanos();
        Recall.Result after = before;
        while (after.found().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            after = recall.read(rb.knowledge(), rb.revision(), rb.interpreter()::polarityAbout, unread, false);
        }
        assertEquals(1, after.found().size(), after.toString());
        assertEquals("database-cpu-high", after.found().get(0).symptom());
        assertTrue(after.unread().isEmpty());
        assertTrue(encoder.loadMillis() >= 0);
    }

    @Test
    void settling_waits_for_a_load_under_way_and_returns_at_once_when_none_is() throws Exception {
        Recall idle = new Recall(new Encoder(() -> new MiniLm(1), 10), Thresholds.DEFAULT);
        long t0 = System.nanoTime();
        idle.settle(LOADING);
        assertTrue(System.nanoTime() - t0 < LOADING.toNanos() / 10, "nothing loading, nothing to wait for");

        Rulebook rb = Fixtures.shipped();
        CountDownLatch release = new CountDownLatch(1), loading = new CountDownLatch(1);
        Encoder encoder = heldBack(release, loading);
        Recall recall = new Recall(encoder, Thresholds.DEFAULT);
        recall.startLoading(rb.knowledge(), rb.revision(), rb.interpreter()::polarityAbout);
        // the loading thread has started to load (a busy machine may start it late): now there is a load to wait for
        assertTrue(loading.await(LOADING.toSeconds(), TimeUnit.SECONDS), "the load never started");
        CountDownLatch settled = new CountDownLatch(1);
        Thread closing = new Thread(() -> {
            recall.settle(LOADING);
            settled.countDown();
        });
        closing.start();
        assertTrue(!settled.await(500, TimeUnit.MILLISECONDS), "settled while the model was still loading");
        release.countDown();
        assertTrue(settled.await(LOADING.toSeconds() + 10, TimeUnit.SECONDS), "did not settle once the model had loaded");
        assertTrue(encoder.loaded());
        // the examples were embedded before it returned: nothing is left in native code
        Recall.Result r = recall.read(rb.knowledge(), rb.revision(), rb.interpreter()::polarityAbout,
                List.of("db utilisation is very high"), false);
        assertEquals(1, r.found().size(), r.toString());
    }
}
