package triage.http;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.ConversationState;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.conversation.Turn;
import triage.engine.Triage;
import triage.testing.Servers;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a hostile or careless client can no longer do through the HTTP API (asked through {@link JavalinTest}). */
class AbuseTest {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    /** The app as built with {@code options}, through {@link JavalinTest}. */
    private static void serve(HttpServer.Options options, TestCase test) {
        JavalinTest.test(Servers.http(Fixtures.triage(), options).create(), test);
    }

    /** What a test looks at in an answer: its status and its Retry-After header (null when there is none). */
    private record Reply(int status, String retryAfter) {}

    private static Reply send(HttpClient c, String method, String path, String body, String auth) throws IOException {
        try (Response r = c.request(path, b -> {
            b.method(method, body == null ? null : RequestBody.create(body, JSON_TYPE));
            if (auth != null) b.header("Authorization", auth);
        })) {
            return new Reply(r.code(), r.header("Retry-After"));
        }
    }

    @Test
    void the_api_cannot_write_to_or_delete_a_chat_threads_conversation() {
        serve(HttpServer.Options.of(null), (server, c) -> {
            for (String id : List.of("slack:T1:C1:1515449522.000016", "teams:0123456789abcdef", "SLACK:T1:C1:1")) {
                assertEquals(403, send(c, "POST", "/api/conversations/" + id + "/messages", "{\"text\":\"login fails\"}", null).status());
                assertEquals(403, send(c, "DELETE", "/api/conversations/" + id, null, null).status());
            }
            assertEquals(200, send(c, "POST", "/api/conversations/mine/messages", "{\"text\":\"login fails\"}", null).status());
        });
    }

    @Test
    void the_bearer_scheme_is_case_insensitive_and_failed_checks_are_limited() {
        serve(HttpServer.Options.of("s3cret"), (server, c) -> {
            for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
                assertEquals(200, send(c, "GET", "/api/unrecognized", null, scheme + " s3cret").status(), scheme);
            }
            int limited = 0;
            for (int i = 0; i < Guard.FAILED_AUTH_BURST + 5; i++) {
                int status = send(c, "GET", "/api/unrecognized", null, "Bearer guess" + i).status();
                assertTrue(status == 401 || status == 429, "status " + status);
                if (status == 429) limited++;
            }
            assertTrue(limited >= 4, "guessing is slowed down: " + limited + " of the guesses refused outright");
            Reply right = send(c, "GET", "/api/unrecognized", null, "Bearer s3cret");
            assertEquals(429, right.status(), "even the right token waits once the budget is spent");
            assertNotNull(right.retryAfter());
        });
    }

    @Test
    void one_client_cannot_start_conversations_without_bound() {
        serve(HttpServer.Options.of(null), (server, c) -> {
            int created = 0, refused = 0;
            for (int i = 0; i < 60; i++) {
                int status = send(c, "POST", "/api/conversations/flood-" + i + "/messages", "{\"text\":\"login fails\"}", null).status();
                if (status == 200) created++;
                else if (status == 429) refused++;
            }
            assertTrue(refused > 0, "new conversations are limited per client; created " + created);
            // carrying on one that exists is not a new conversation
            assertEquals(200, send(c, "POST", "/api/conversations/flood-0/messages", "{\"text\":\"yes\"}", null).status());
        });
    }

    @Test
    void a_conversation_pushed_out_by_a_flood_of_new_ones_says_its_memory_was_lost() {
        Triage triage = Fixtures.triage();
        MemoryStore store = new MemoryStore(50, Duration.ofHours(1), Clock.systemUTC());
        Conversations chat = new Conversations(triage, store, Clock.systemUTC());
        chat.handle("mine", "nobody can log in");
        for (int i = 0; i < 10_000; i++) {
            store.save(new ConversationState("flood-" + i, List.of(), null, Set.of(), 1, Instant.now(), 1));
        }
        Turn next = chat.handle("mine", "yes, they show up");
        boolean remembered = next.diagnosis().top() != null && next.diagnosis().top().component().equals("rethinkdb")
                && next.concluded();
        assertTrue(remembered || next.memoryLost(), "either it remembers or it says it forgot; never silently starts over");
        int silent = 0, pushedOut = 0;
        for (int i = 0; i < 10_000; i++) {
            String id = "flood-" + i;
            if (store.load(id).isEmpty()) {
                if (store.evicted(id)) pushedOut++;
                else silent++;
            }
        }
        assertEquals(0, silent, "every conversation pushed out is remembered as pushed out");
        assertTrue(pushedOut >= 9_900, "the store held 50: " + pushedOut);
        assertTrue(chat.handle("flood-" + 9_999, "login fails").memoryLost() || store.load("flood-9999").isPresent());
    }
}
