package triage.chat;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeduplicatorTest {
    /** A clock a test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void a_key_is_taken_once_until_it_expires() {
        ManualClock clock = new ManualClock();
        MemoryDeduplicator d = new MemoryDeduplicator(10, Duration.ofMinutes(60), clock);
        assertTrue(d.firstSeen("slack:event:Ev1"));
        assertFalse(d.firstSeen("slack:event:Ev1"));
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertFalse(d.firstSeen("slack:event:Ev1"));
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertTrue(d.firstSeen("slack:event:Ev1"), "expired");
    }

    @Test
    void forgetting_lets_a_key_through_again() {
        MemoryDeduplicator d = new MemoryDeduplicator(10, Duration.ofMinutes(1), Clock.systemUTC());
        assertTrue(d.firstSeen("k"));
        d.forget("k");
        assertTrue(d.firstSeen("k"));
    }

    @Test
    void memory_is_bounded() {
        MemoryDeduplicator d = new MemoryDeduplicator(3, Duration.ofHours(1), Clock.systemUTC());
        for (int i = 0; i < 10; i++) assertTrue(d.firstSeen("k" + i));
        assertEquals(3, d.size());
        assertFalse(d.firstSeen("k9"), "the latest key is still known: its retry is caught");
        int forgotten = 0;
        for (int i = 0; i < 9; i++) if (d.firstSeen("k" + i)) forgotten++;
        assertTrue(forgotten >= 7, "older keys made room: " + forgotten);
        assertTrue(d.size() <= 3, "still bounded: " + d.size());
    }

    @Test
    void blank_text_means_help_and_long_text_is_cut() {
        assertEquals("help", ChatService.clean("  "));
        assertEquals("help", ChatService.clean(null));
        assertEquals(triage.web.Bodies.MAX_TEXT, ChatService.clean("x".repeat(5000)).length());
    }
}
