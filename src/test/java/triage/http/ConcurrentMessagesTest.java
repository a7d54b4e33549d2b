package triage.http;

import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.engine.Triage;
import triage.testing.Servers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Messages to one conversation at the same moment, over HTTP ({@link JavalinTest}), conversations in memory. */
class ConcurrentMessagesTest {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private record Reply(int status, String body) {}

    @Test
    void twenty_simultaneous_messages_to_one_conversation_are_all_remembered() {
        Triage triage = Fixtures.triage();
        MemoryStore store = new MemoryStore(100, Duration.ofHours(1), Clock.systemUTC());
        JavalinTest.test(Servers.http(triage, new Conversations(triage, store, Clock.systemUTC()), HttpServer.Options.of(null))
                .create(), (server, c) -> {
            // one conversation's messages are answered one after the other: the last waits for nineteen
            OkHttpClient client = c.getOkHttp().newBuilder().callTimeout(Duration.ofSeconds(60)).readTimeout(Duration.ofSeconds(60))
                    .build();
            ExecutorService senders = Executors.newFixedThreadPool(20);
            try {
                List<CompletableFuture<Reply>> all = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Request request = new Request.Builder().url(c.getOrigin() + "/api/conversations/same/messages")
                            .post(RequestBody.create("{\"text\": \"login fails " + i + "\"}", JSON_TYPE)).build();
                    all.add(CompletableFuture.supplyAsync(() -> {
                        try (Response r = client.newCall(request).execute()) {
                            return new Reply(r.code(), r.body() == null ? "" : r.body().string());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, senders));
                }
                for (CompletableFuture<Reply> f : all) {
                    Reply r = f.get(90, TimeUnit.SECONDS);
                    assertEquals(200, r.status(), r.body());
                }
            } finally {
                senders.shutdownNow();
            }
            assertEquals(20, store.load("same").orElseThrow().turns(), "every turn remembered");
        });
    }
}
