package triage.conversation;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.engine.Triage;
import triage.testing.RedisServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationsTest {
    private final Triage triage = Fixtures.triage();
    private final Conversations chat = new Conversations(triage,
            new MemoryStore(100, Duration.ofHours(1), Clock.systemUTC()), Clock.systemUTC());

    private static String top(Turn t) {
        return t.diagnosis().top() == null ? null : t.diagnosis().top().component();
    }

    @Test
    void a_vague_complaint_gets_the_seeds_first_question() {
        Turn t = chat.handle("c1", "placeos is acting up");
        assertNull(top(t));
        assertEquals("login-works", t.question().id());
        assertEquals("placeos is acting up", t.notUnderstood());
    }

    @Test
    void short_answers_answer_the_last_question_and_walk_the_tree() {
        chat.handle("c2", "something is broken");
        Turn t = chat.handle("c2", "yep");
        assertEquals("backoffice-lists-systems", t.question().id(), "login works: next the systems list");
        t = chat.handle("c2", "nope, still broken");
        assertEquals("elasticsearch", top(t));
    }

    @Test
    void a_sentence_answer_counts_as_what_it_says() {
        chat.handle("c3", "things are failing");
        Turn t = chat.handle("c3", "no, nobody can sign in");
        assertEquals("rethinkdb", top(t));
        assertEquals("requests-reach-services", t.question().id());
        t = chat.handle("c3", "yes, they show up");
        assertEquals("rethinkdb", top(t));
        assertTrue(t.concluded(), "0.88 over nothing is settled");
        assertNull(t.question());
    }

    @Test
    void a_correction_replaces_the_earlier_answer() {
        chat.handle("c4", "login fails");
        chat.handle("c4", "requests are reaching the api");
        Turn t = chat.handle("c4", "actually the requests never reach the api");
        assertEquals("load-balancer", top(t));
        t = chat.handle("c4", "sorry, login works after all");
        assertTrue(t.diagnosis().causes().stream().noneMatch(c -> c.component().equals("rethinkdb")));
    }

    @Test
    void adapters_ask_whether_a_conversation_is_known_and_which_question_is_open() {
        assertFalse(chat.knows("c9"));
        assertFalse(chat.isOpen("c9", "login-works"));
        Turn t = chat.handle("c9", "placeos is acting up");
        assertTrue(chat.knows("c9"));
        assertTrue(chat.isOpen("c9", t.question().id()));
        assertFalse(chat.isOpen("c9", "modules-load"), "a button of an older question");
        assertFalse(chat.knows("not a valid id!"));
        chat.forget("c9");
        assertFalse(chat.knows("c9"));
    }

    @Test
    void subjectless_replies_answer_the_question() {
        chat.handle("c5", "the site is down");
        Turn asked = chat.handle("c5", "the request queue keeps growing");
        assertNotNull(asked.question());
        Turn t = chat.handle("c5", "it does");
        assertEquals(asked.question().id(), t.heard().get(0).getSymptom());
        assertTrue(t.heard().get(0).isPresent());
    }

    @Test
    void why_start_over_and_help() {
        chat.handle("c6", "modules don't load");
        Turn why = chat.handle("c6", "why?");
        assertEquals(Turn.Kind.WHY, why.kind());
        assertEquals("redis", top(why));
        assertEquals(Turn.Kind.HELP, chat.handle("c6", "help").kind());
        Turn reset = chat.handle("c6", "start over");
        assertEquals(Turn.Kind.RESET, reset.kind());
        assertNull(top(chat.handle("c6", "hello")));
    }

    @Test
    void bad_ids_and_endless_conversations_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> chat.handle("bad id!", "hi"));
        for (int i = 0; i < Conversations.MAX_TURNS; i++) chat.handle("long", "login fails");
        assertThrows(Conversations.TooLong.class, () -> chat.handle("long", "login fails"));
        chat.handle("long", "start over");
        assertEquals("rethinkdb", top(chat.handle("long", "login fails")));
    }

    @Test
    void the_memory_store_is_bounded_and_forgets_idle_conversations() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        MemoryStore store = new MemoryStore(2, Duration.ofMinutes(10), clock);
        store.save(state("a", now[0]));
        for (int i = 0; i < 5; i++) assertTrue(store.load("a").isPresent(), "a conversation in use");
        // a flood of new ids: the bound holds, and the conversation in use is not the one dropped
        for (int i = 0; i < 50; i++) store.save(state("new-" + i, now[0]));
        assertEquals(2, store.size());
        assertTrue(store.load("a").isPresent(), "the conversation in use survives the flood");
        assertTrue(store.load("new-49").isPresent(), "the newest is kept");

        now[0] = now[0].plus(Duration.ofMinutes(9));
        assertTrue(store.load("a").isPresent(), "9 minutes idle: still there");
        now[0] = now[0].plus(Duration.ofMinutes(9));
        assertTrue(store.load("a").isPresent(), "each use starts the idle time afresh");
        assertTrue(store.load("new-49").isEmpty(), "idle past 10 minutes");
        now[0] = now[0].plus(Duration.ofMinutes(11));
        assertTrue(store.load("a").isEmpty(), "idle past 10 minutes");
        assertEquals(0, store.size());
    }

    private static ConversationState state(String id, Instant at) {
        return new ConversationState(id, java.util.List.of(), null, java.util.Set.of(), 1, at, 1);
    }

    @Test
    void without_its_store_the_bot_still_answers_and_says_it_lost_its_memory() throws Exception {
        try (RedisStore down = new RedisStore("redis://127.0.0.1:" + RedisServer.freePort(), Duration.ofHours(1),
                Duration.ofMillis(300))) {
            Conversations c = new Conversations(triage, down, Clock.systemUTC());
            long t0 = System.nanoTime();
            Turn t = c.handle("x", "nobody can log in");
            assertTrue(t.memoryLost());
            assertEquals("rethinkdb", top(t));
            // the store gives up after its 300 ms deadline (lettuce alone would wait 60 s): well under a
            // second on a quiet machine, 10 s with the margin a loaded 2-core machine needs
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos(), "answered without waiting on the store");
            assertFalse(t.heard().isEmpty());
        }
    }
}
