package triage.http;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.engine.Triage;
import triage.testing.Servers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Messages to one conversation at the same moment, over HTTP, conversations in memory. */
class ConcurrentMessagesTest {
    private Javalin app;

    @AfterEach
    void stop() { if (app != null) app.stop(); }

    @Test
    void twenty_simultaneous_messages_to_one_conversation_are_all_remembered() throws Exception {
        Triage triage = Fixtures.triage();
        MemoryStore store = new MemoryStore(100, Duration.ofHours(1), Clock.systemUTC());
        app = Servers.http(triage, new Conversations(triage, store, Clock.systemUTC()), HttpServer.Options.of(null))
                .create().start("127.0.0.1", 0);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                            + "/api/conversations/same/messages")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"login fails " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) assertEquals(200, f.get().statusCode(), f.get().body());
        assertEquals(20, store.load("same").orElseThrow().turns(), "every turn remembered");
    }
}
