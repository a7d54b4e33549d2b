package triage.http;

import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;
import triage.engine.LiveRulebook;
import triage.engine.Lint;
import triage.engine.Problem;
import triage.engine.RulebookCache;
import triage.engine.RulebookCompiler;
import triage.engine.Triage;
import triage.testing.Servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A runbook that hangs or would end the process does not take the service down. */
class RunawayRunbookTest {
    private static final String HEAD = """
            package triage.rules;

            import triage.model.Observation;
            import triage.model.Evidence;

            """;

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    @TempDir Path dir;

    private record Reply(int status, String body) {}

    /** Posts {@code json} to {@code url} and reads the whole answer. */
    private static Reply post(OkHttpClient client, String url, String json) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(url).post(RequestBody.create(json, JSON_TYPE)).build()).execute()) {
            return new Reply(r.code(), r.body() == null ? "" : r.body().string());
        }
    }

    private static String rule(String name, String condition, String action) {
        return "rule \"" + name + "\"\nwhen\n    " + condition + "\nthen\n    " + action + "\nend\n";
    }

    private Path runbooks() { return Fixtures.copyRunbooks(dir); }

    @Test
    void lint_and_reload_reject_an_action_that_exits_or_spins_naming_file_and_line() throws Exception {
        Path root = runbooks();
        Path rules = root.resolve("rules"), knowledge = root.resolve("knowledge");
        RulebookCompiler compiler = new RulebookCompiler(RulebookCache.off());
        LiveRulebook live = LiveRulebook.open(new LiveRulebook.Source(rules, knowledge, "files"), compiler);
        String good = live.current().revision();

        for (String action : new String[] {"System.exit(0);", "while (true) {}", "Runtime.getRuntime().halt(1);",
                "new Thread(() -> {}).start();", "java.nio.file.Files.delete(java.nio.file.Path.of(\"/tmp/x\"));",
                "insertLogical(java.util.List.of(\"x\"));"}) {
            Path bad = rules.resolve("zz-bad.drl");
            // the action is on line 11 of the file
            Files.writeString(bad, HEAD + rule("Bad action", "Observation(symptom == \"login-works\", present == false)",
                    "// login fails\n    " + action));
            Lint.Report report = Lint.run(compiler, rules, knowledge);
            assertFalse(report.ok(), action);
            Problem p = report.problems().stream().filter(x -> x.toString().contains("zz-bad.drl")).findFirst()
                    .orElseThrow(() -> new AssertionError("lint names the file for " + action + ": " + report.problems()));
            assertEquals(11, p.line(), p.toString());
            assertTrue(p.toString().contains("Bad action"), p.toString());

            long t0 = System.nanoTime();
            assertFalse(live.reload(), "reload rejects " + action);
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60));
            assertEquals(good, live.current().revision(), "the last good set keeps serving");
            assertTrue(String.join("\n", live.status().error()).contains("zz-bad.drl:11"), live.status().error().toString());
        }
        // what only looks like a forbidden call (a comment, a string) is fine
        Files.writeString(rules.resolve("zz-bad.drl"), HEAD + rule("Harmless", "Observation(symptom == \"login-works\", present == false)",
                "// System.exit(0) is not called here\n    String s = \"Thread, Runtime, while (true) {}\";"));
        assertTrue(live.reload(), String.valueOf(live.status().error()));
    }

    @Test
    void an_action_stuck_for_a_scenario_gets_the_set_rejected_and_one_stuck_for_some_text_answers_503() throws Exception {
        Path root = runbooks();
        Path rules = root.resolve("rules"), knowledge = root.resolve("knowledge");
        // stuck without burning a core: to the service, an action that does not return
        String stuck = "java.util.concurrent.locks.LockSupport.parkNanos(40_000_000_000L);";
        LiveRulebook live = LiveRulebook.open(new LiveRulebook.Source(rules, knowledge, "files"), new RulebookCompiler(RulebookCache.off()));
        Files.writeString(rules.resolve("zz-stuck.drl"), HEAD + rule("Stuck on login",
                "Observation(symptom == \"login-works\", present == false)", stuck));
        long t0 = System.nanoTime();
        assertFalse(live.reload(), "a scenario reaches it: rejected");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60));
        assertTrue(String.join("\n", live.status().error()).contains("Stuck on login"), live.status().error().toString());

        // reached only by a word no scenario uses: the set loads, the request that reaches it is answered 503
        Files.writeString(rules.resolve("zz-stuck.drl"), HEAD + rule("Stuck on zebras",
                "Observation(symptom == \"login-works\", present == false, text != null, text.contains(\"zebra\"))", stuck));
        assertTrue(live.reload(), String.valueOf(live.status().error()));
        Triage triage = new Triage(live);
        JavalinTest.test(Servers.http(triage, HttpServer.Options.of(null)).create(), (server, c) -> {
            // the stuck one is answered when the engine gives up on it, which may take longer than a read usually does
            OkHttpClient patient = c.getOkHttp().newBuilder().readTimeout(Duration.ofSeconds(60)).build();
            long s0 = System.nanoTime();
            CompletableFuture<Reply> stuckOne = CompletableFuture.supplyAsync(() -> {
                try {
                    return post(patient, c.getOrigin() + "/api/diagnose", "{\"observations\": [\"nobody can log in, zebra\"]}");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (Response health = c.get("/healthz")) {
                assertEquals(200, health.code(), "health answers while a request is stuck");
            }
            Reply r = stuckOne.get(60, TimeUnit.SECONDS);
            assertEquals(503, r.status(), r.body());
            assertTrue(r.body().contains("Stuck on zebras"), r.body());
            assertTrue(System.nanoTime() - s0 < TimeUnit.SECONDS.toNanos(30), "answered within a bounded time");
            Reply fine = post(patient, c.getOrigin() + "/api/diagnose", "{\"observations\": [\"the search is broken\"]}");
            assertEquals(200, fine.status(), "other requests are answered: " + fine.body());
        });
    }
}
