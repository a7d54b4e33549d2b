package triage.conversation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.engine.Triage;
import triage.testing.RedisServer;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversations kept in a real redis-server. */
class RedisStoreIT {
    private final Triage triage = Fixtures.triage();
    private RedisServer redis;

    @BeforeEach
    void start() throws Exception { redis = RedisServer.start(); }

    @AfterEach
    void stop() throws Exception { redis.stop(); }

    private RedisStore store() { return new RedisStore(redis.url(), Duration.ofMinutes(30), Duration.ofMillis(500)); }

    @Test
    void two_instances_share_one_conversation() {
        try (RedisStore a = store(); RedisStore b = store()) {
            Conversations one = new Conversations(triage, a, Clock.systemUTC());
            Conversations two = new Conversations(triage, b, Clock.systemUTC());
            one.handle("shared", "nobody can log in");
            Turn t = two.handle("shared", "yes, they show up");
            assertEquals("rethinkdb", t.diagnosis().top().component());
            assertEquals("rethinkdb-healthy", t.question().id(), "the answer given to the other instance counted");
        }
    }

    @Test
    void a_conversation_expires_when_idle() throws Exception {
        try (RedisStore s = new RedisStore(redis.url(), Duration.ofSeconds(1), Duration.ofMillis(500))) {
            new Conversations(triage, s, Clock.systemUTC()).handle("brief", "login fails");
            assertTrue(s.load("brief").isPresent());
            Thread.sleep(2100);
            assertTrue(s.load("brief").isEmpty());
        }
    }

    @Test
    void redis_down_then_back_the_bot_answers_throughout_and_recovers() throws Exception {
        try (RedisStore s = store()) {
            Conversations c = new Conversations(triage, s, Clock.systemUTC());
            c.handle("r", "login fails");
            redis.stop();
            Turn during = c.handle("r", "the module list won't load");
            assertTrue(during.memoryLost());
            assertEquals("redis", during.diagnosis().top().component(), "answered from this message alone");
            redis.launch();
            Turn after = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                after = c.handle("r2", "login fails");
                if (!after.memoryLost()) break;
                Thread.sleep(200);
            }
            assertFalse(after.memoryLost(), "reconnected by itself");
        }
    }

    @Test
    void a_hung_redis_costs_a_turn_its_memory_not_its_answer() throws Exception {
        try (RedisStore s = store()) {
            Conversations c = new Conversations(triage, s, Clock.systemUTC());
            c.handle("h", "login fails");
            redis.pause();
            long t0 = System.nanoTime();
            Turn t = c.handle("h", "search is broken");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            redis.resume();
            assertTrue(t.memoryLost());
            assertTrue(ms < 2500, "took " + ms + " ms with redis hung");
        }
    }
}
