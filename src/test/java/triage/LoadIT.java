package triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.testing.ServedJar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load on loopback against the jar: concurrent conversations and diagnoses, first plain, then
 * with the runbooks edited (and reloaded) every two seconds. Zero errors; latency percentiles
 * printed. Each phase lasts {@code triage.load.seconds} (default 30).
 */
class LoadIT {
    @TempDir Path dir;
    private static final String[] SAID = {"login fails", "backoffice lists no systems", "the module list won't load",
            "triggers fail", "the redis queue keeps growing", "memory grows for hours", "dig shows the wrong address"};

    private record Result(long ok, long errors, long[] micros) {}

    /** What the errors were (status and body, or the exception), distinct, for the failure message. */
    private final java.util.Set<String> seenErrors = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Test
    void many_conversations_and_diagnoses_with_zero_errors_even_across_reloads() throws Exception {
        int seconds = Integer.getInteger("triage.load.seconds", 30);
        Fixtures.copyRunbooks(dir);
        try (ServedJar server = ServedJar.start(java.util.Map.of("TRIAGE_RATE_LIMIT", "1000000", "TRIAGE_RATE_BURST", "1000000"),
                "--rules", dir.resolve("rules").toString(), "--knowledge", dir.resolve("knowledge").toString())) {
            String base = server.base();
            Result plain = run(base, seconds, null);
            Path rule = dir.resolve("rules/web-stack.drl");
            String text = Files.readString(rule);
            Result reloading = run(base, seconds, i -> {
                try {
                    Files.writeString(rule, text + "\n// load edit " + i + "\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            report("plain", plain, seconds);
            report("with reloads every 2 s", reloading, seconds);
            assertEquals(0, plain.errors(), "errors under plain load: " + seenErrors
                    + "; server warnings: " + server.log().stream().filter(l -> l.contains("WARN") || l.contains("ERROR")).limit(20).toList());
            assertEquals(0, reloading.errors(), "errors while reloading: " + seenErrors);
            assertTrue(plain.ok() > 100 && reloading.ok() > 100, "too few requests to mean anything");
        }
    }

    private Result run(String base, int seconds, java.util.function.IntConsumer everyTwoSeconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Result>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int id = t;
            futures.add(pool.submit(() -> {
                long ok = 0, errors = 0, n = 0;
                long[] lat = new long[1 << 16];
                int k = 0;
                while (running.get()) {
                    String path, body;
                    if (id % 2 == 0) {
                        path = "/api/diagnose";
                        body = "{\"observations\":[\"" + SAID[(int) (n % SAID.length)] + "\"]}";
                    } else {
                        path = "/api/conversations/load-" + id + "-" + (n / 4) + "/messages";
                        body = "{\"text\":\"" + (n % 4 == 0 ? SAID[(int) (n / 4 % SAID.length)] : n % 2 == 0 ? "yes" : "no") + "\"}";
                    }
                    n++;
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            ok++;
                        } else {
                            errors++;
                            seenErrors.add(path.replaceAll("load-\\d+-\\d+", "{id}") + " " + r.statusCode() + " "
                                    + r.body().substring(0, Math.min(200, r.body().length())));
                        }
                    } catch (Exception e) {
                        errors++;
                        seenErrors.add(path.replaceAll("load-\\d+-\\d+", "{id}") + " " + e);
                    }
                    if (k < lat.length) lat[k++] = (System.nanoTime() - t0) / 1000;
                }
                return new Result(ok, errors, Arrays.copyOf(lat, k));
            }));
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int tick = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(2000);
            if (everyTwoSeconds != null) everyTwoSeconds.accept(tick++);
        }
        running.set(false);
        long ok = 0, errors = 0;
        List<long[]> all = new ArrayList<>();
        for (Future<Result> f : futures) {
            Result r = f.get(30, TimeUnit.SECONDS);
            ok += r.ok();
            errors += r.errors();
            all.add(r.micros());
        }
        pool.shutdownNow();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(ok, errors, merged);
    }

    private static void report(String phase, Result r, int seconds) {
        long[] m = r.micros();
        System.out.printf(Locale.ROOT, "load %-24s %6d ok, %d errors, %6.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                phase, r.ok(), r.errors(), r.ok() / (double) seconds, m[m.length / 2] / 1000.0,
                m[(int) (m.length * 0.99)] / 1000.0, m[m.length - 1] / 1000.0);
    }
}
