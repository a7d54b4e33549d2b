package triage.engine;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnrecognizedLogTest {
    @Test
    void text_is_normalised_and_what_identifies_people_or_hosts_is_masked() {
        assertEquals("mail <email> about <ip>", UnrecognizedLog.normalise("Mail  bob.smith@example.com about 10.1.2.3:8080!"));
        assertEquals("see <url> job <n> pod <id>", UnrecognizedLog.normalise("see https://x.y/z?q=1 job 123456 pod 9f8e7d6c5b4a"));
    }

    @Test
    void the_most_frequent_come_first_and_memory_is_bounded() {
        UnrecognizedLog log = new UnrecognizedLog(3, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        log.record("The printer is broken.");
        log.record("the printer is broken");
        log.record("coffee machine leaks");
        log.record("lunch?");
        log.record("weather");
        assertEquals(3, log.size());
        assertEquals("the printer is broken", log.top(1).get(0).text());
        assertEquals(2, log.top(1).get(0).count());
    }
}
