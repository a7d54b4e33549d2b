package triage.conversation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.engine.Triage;
import triage.model.Observation;
import triage.testing.RedisServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Turns racing each other, and writes that time out, against a real redis-server. */
class ConversationRacesIT {
    private final Triage triage = Fixtures.triage();
    private RedisServer redis;

    @BeforeEach
    void start() throws Exception { redis = RedisServer.start(); }

    @AfterEach
    void stop() throws Exception { redis.stop(); }

    private RedisStore store() { return new RedisStore(redis.url(), Duration.ofMinutes(30), Duration.ofMillis(500)); }

    @Test
    void twenty_messages_at_once_through_two_instances_are_all_remembered() throws Exception {
        try (RedisStore a = store(); RedisStore b = store()) {
            List<Conversations> instances = List.of(new Conversations(triage, a, Clock.systemUTC()),
                    new Conversations(triage, b, Clock.systemUTC()));
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                List<Future<Turn>> turns = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Conversations c = instances.get(i % 2);
                    turns.add(pool.submit(() -> c.handle("busy", "login fails")));
                }
                for (Future<Turn> f : turns) assertFalse(f.get(60, TimeUnit.SECONDS).memoryLost());
            } finally {
                pool.shutdownNow();
            }
            ConversationState s = a.load("busy").orElseThrow();
            assertEquals(20, s.turns(), "every turn remembered");
            assertEquals(20, s.version());
        }
    }

    @Test
    void a_turn_taken_while_redis_is_stopped_never_overwrites_the_history_later() throws Exception {
        try (RedisStore s = store()) {
            Conversations c = new Conversations(triage, s, Clock.systemUTC());
            c.handle("h", "nobody can log in");
            c.handle("h", "the module list won't load");
            ConversationState before = s.load("h").orElseThrow();
            assertEquals(2, before.turns());

            redis.pause();
            try {
                Turn during = c.handle("h", "requests never reach the api");
                assertTrue(during.memoryLost(), "answered from this message alone, and says so");
                assertThrows(ConversationStore.StoreUnavailable.class, () -> c.forget("h"), "a DELETE answers 503");
                // the store's own writes, sent while Redis cannot answer: both time out
                ConversationState next = new ConversationState("h", List.of(new Observation("login-works", true, "x", "text")),
                        null, java.util.Set.of(), 3, Instant.now(), before.version() + 1);
                assertThrows(ConversationStore.StoreUnavailable.class, () -> s.save(next));
                assertThrows(ConversationStore.StoreUnavailable.class, () -> s.delete("h", before.version()));
            } finally {
                redis.resume();
            }
            Thread.sleep(1000);  // whatever was queued in Redis's socket has run by now
            ConversationState after = s.load("h").orElseThrow(() -> new AssertionError("the history was deleted"));
            assertEquals(before.toString(), after.toString(), "the earlier history is intact");
            Turn t = c.handle("h", "yes, they show up");
            assertFalse(t.memoryLost());
            assertEquals(3, s.load("h").orElseThrow().turns());
        }
    }

    @Test
    void a_stale_write_loses_to_the_one_that_came_first() {
        try (RedisStore s = store()) {
            ConversationState one = new ConversationState("v", List.of(), null, java.util.Set.of(), 1, Instant.now(), 1);
            assertTrue(s.save(one));
            assertFalse(s.save(one), "version 1 again over version 1");
            assertFalse(s.delete("v", 0), "a delete at an older version");
            assertTrue(s.load("v").isPresent());
            assertTrue(s.delete("v", 1));
            assertTrue(s.load("v").isEmpty());
        }
    }
}
