package triage.probe;

import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.engine.Triage;

import java.time.Clock;
import java.time.Duration;

/** The conversations an HttpServer needs, in memory; the probe tests never use them. */
final class TestConversations {
    private TestConversations() {}

    static Conversations of(Triage triage) {
        return new Conversations(triage, new MemoryStore(100, Duration.ofHours(1), Clock.systemUTC()), Clock.systemUTC());
    }
}
