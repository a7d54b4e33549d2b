package triage.engine;

import triage.http.HttpServer;
import triage.testing.Servers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reloads swap the rulebook atomically: requests in flight finish on the old one, none fails. */
class ReloadUnderLoadTest {
    @TempDir Path dir;

    @Test
    void reloads_during_concurrent_requests_fail_none() throws Exception {
        Fixtures.copyRunbooks(dir);
        LiveRulebook live = Fixtures.open(dir.resolve("rules"), dir.resolve("knowledge"));
        Triage triage = new Triage(live);
        // four clients as fast as they can go: the rate limiter (50/s by default) is not what is tested here
        Javalin app = Servers.http(triage, new HttpServer.Options(null, 1e6, 1_000_000, false, List.of()))
                .create().start("127.0.0.1", 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/diagnose");
            List<Future<int[]>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(pool.submit(() -> {
                    int ok = 0, bad = 0;
                    while (running.get()) {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"observations\":[\"login fails\"]}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200 && r.body().contains("\"rethinkdb\"")) ok++;
                        else bad++;
                    }
                    return new int[] {ok, bad};
                }));
            }
            Path rule = dir.resolve("rules/web-stack.drl");
            String text = Files.readString(rule);
            int swaps = 0;
            for (int i = 0; i < 5; i++) {
                Files.writeString(rule, text + "\n// edit " + i + "\n");
                if (live.reload()) swaps++;
            }
            running.set(false);
            int ok = 0, bad = 0;
            for (Future<int[]> f : workers) {
                int[] r = f.get(30, TimeUnit.SECONDS);
                ok += r[0];
                bad += r[1];
            }
            assertEquals(5, swaps);
            assertEquals(0, bad, "failed requests during reloads");
            assertTrue(ok > 20, "too few requests to mean anything: " + ok);
        } finally {
            running.set(false);
            pool.shutdownNow();
            app.stop();
        }
    }
}
