package triage.chat;

import org.junit.jupiter.api.Test;
import triage.testing.RedisServer;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** De-duplication in a real redis-server: shared by instances, expiring, surviving an outage. */
class RedisDeduplicatorIT {
    private static RedisDeduplicator on(RedisServer redis, Duration ttl) {
        return new RedisDeduplicator(redis.url(), ttl, Duration.ofMillis(500),
                new MemoryDeduplicator(100, ttl, Clock.systemUTC()));
    }

    @Test
    void two_instances_take_an_event_once_between_them() throws Exception {
        RedisServer redis = RedisServer.start();
        try (RedisDeduplicator a = on(redis, Duration.ofMinutes(5)); RedisDeduplicator b = on(redis, Duration.ofMinutes(5))) {
            assertTrue(a.firstSeen("slack:event:Ev1"));
            assertFalse(b.firstSeen("slack:event:Ev1"), "the retry landed on the other instance");
            assertFalse(a.firstSeen("slack:event:Ev1"));
            b.forget("slack:event:Ev1");
            assertTrue(a.firstSeen("slack:event:Ev1"), "forgotten for both");
        } finally {
            redis.stop();
        }
    }

    @Test
    void keys_expire_and_an_outage_falls_back_to_memory() throws Exception {
        RedisServer redis = RedisServer.start();
        try (RedisDeduplicator d = on(redis, Duration.ofSeconds(1))) {
            assertTrue(d.firstSeen("k1"));
            assertFalse(d.firstSeen("k1"));
            Thread.sleep(1200);
            assertTrue(d.firstSeen("k1"), "expired in Redis");
            assertTrue(d.firstSeen("k2"));
            redis.stop();
            assertFalse(d.firstSeen("k2"), "Redis is down: this process still remembers");
            assertTrue(d.firstSeen("k3"));
            assertFalse(d.firstSeen("k3"));
        } finally {
            redis.stop();
        }
    }
}
