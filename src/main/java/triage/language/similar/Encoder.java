package triage.language.similar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Sentences to unit vectors. The model is loaded once, on first need ({@link #embed}; a server
 * asks for it on a background thread, see {@link Recall#startLoading}); vectors of sentences
 * already seen come from a bounded cache. Thread-safe.
 */
public final class Encoder {
    private static final Logger log = LoggerFactory.getLogger(Encoder.class);
    /** Distinct clauses remembered: 384 floats each, about 1.6 KiB; 20,000 is some 32 MiB at most. */
    static final int CACHE_ENTRIES = 20_000;
    /** Longer texts are cut: the model reads 256 word pieces at most anyway. */
    static final int MAX_CHARS = 1_000;

    private final Supplier<EmbeddingModel> loader;
    /** The process's gate: a stop waits for what runs in ONNX Runtime (see {@link NativeWork}). */
    private final NativeWork work = NativeWork.process();
    private final CompletableFuture<EmbeddingModel> model = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Cache<String, float[]> cache;
    private volatile long loadMillis = -1;

    /** The shipped model: all-MiniLM-L6-v2, quantized, from the classpath. */
    public Encoder() {
        // a direct executor: one sentence at a time, on the caller's thread, no pool of our own
        this(Encoder::shipped, CACHE_ENTRIES);
    }

    private static EmbeddingModel shipped() {
        // the tokenizer's natives come from the jar; on a platform the jar lacks, DJL would fetch
        // them from the internet: offline, it fails instead (and the phrases answer alone)
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        return new MiniLm(1);
    }

    Encoder(Supplier<EmbeddingModel> loader, int cacheEntries) {
        this.loader = loader;
        this.cache = Caffeine.newBuilder().maximumSize(cacheEntries).recordStats().build();
    }

    private void load() {
        log.info("loading the sentence model");
        long t0 = System.nanoTime();
        try {
            EmbeddingModel m = work.run(loader);
            loadMillis = (System.nanoTime() - t0) / 1_000_000;
            log.info("sentence embeddings loaded in {} ms", loadMillis);
            model.complete(m);
        } catch (RuntimeException | LinkageError e) {
            if (NativeWork.stopping(e)) log.info("stopping: the sentence model was not loaded");
            else log.warn("sentence embeddings are not available; phrases alone will read: {}", e.toString());
            model.completeExceptionally(e);
        }
    }

    /**
     * Waits until {@code deadline} ({@link System#nanoTime}) at most for a load under way to end:
     * a JVM that exits while ONNX Runtime is loading the model crashes in native code.
     */
    void settle(long deadline) {
        if (started.get()) awaitUntil(model, deadline);
    }

    /**
     * Waits for {@code work} until {@code deadline} ({@link System#nanoTime}) at most, whatever its
     * outcome: failed, nothing runs in native code any more; timed out, the exit goes ahead anyway.
     */
    static void awaitUntil(java.util.concurrent.Future<?> work, long deadline) {
        try {
            work.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // as above: nothing to do
        }
    }

    /** Whether the model has loaded (and loading did not fail). */
    public boolean loaded() { return model.isDone() && !model.isCompletedExceptionally(); }

    /** Milliseconds the model took to load, or -1 before it has. */
    public long loadMillis() { return loadMillis; }

    /** Clauses whose vector came from the cache, and all asked for (for tests and metrics). */
    long cacheHits() { return cache.stats().hitCount(); }

    long cacheRequests() { return cache.stats().requestCount(); }

    /** Whether the vector of {@code text} is remembered: embedding it again costs nothing. */
    boolean known(String text) { return cache.getIfPresent(key(text)) != null; }

    /** The unit vector of {@code text}, loading the model here first if nobody has started it. */
    float[] embed(String text) {
        if (started.compareAndSet(false, true)) load();
        return cache.get(key(text), k -> unit(work.run(() -> await().embed(k).content().vector())));
    }

    /** As {@link #embed}, or empty while the model is still loading (or failed to load). */
    Optional<float[]> embedIfLoaded(String text) {
        if (!loaded()) return Optional.empty();
        return Optional.of(embed(text));
    }

    private EmbeddingModel await() {
        try {
            return model.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sentence model loads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sentence model did not load: " + e.getCause(), e.getCause());
        }
    }

    private static String key(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) n += x * x;
        n = Math.sqrt(n);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / (n == 0 ? 1 : n));
        return out;
    }

    static double cosine(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d += a[i] * b[i];
        return d;
    }
}
