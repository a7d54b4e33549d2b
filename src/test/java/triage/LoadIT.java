package triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    @Test
    void many_conversations_and_diagnoses_with_zero_errors_even_across_reloads() throws Exception {
        int seconds = Integer.getInteger("triage.load.seconds", 30);
        Fixtures.copyRunbooks(dir);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("triage.jar", "target/triage.jar"), "serve", "--port", "0",
                "--rules", dir.resolve("rules").toString(), "--knowledge", dir.resolve("knowledge").toString())
                .redirectErrorStream(true);
        pb.environment().put("TRIAGE_RATE_LIMIT", "1000000");
        pb.environment().put("TRIAGE_RATE_BURST", "1000000");
        Process server = pb.start();
        try {
            String base = listening(server);
            assertNotNull(base);
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
            assertEquals(0, plain.errors(), "errors under plain load");
            assertEquals(0, reloading.errors(), "errors while reloading");
            assertTrue(plain.ok() > 100 && reloading.ok() > 100, "too few requests to mean anything");
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
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
                        if (r.statusCode() == 200) ok++;
                        else errors++;
                    } catch (Exception e) {
                        errors++;
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

    private static String listening(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern pat = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = r.readLine();
            if (line == null) return null;
            Matcher m = pat.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> { try { r.transferTo(java.io.Writer.nullWriter()); } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        return null;
    }
}
