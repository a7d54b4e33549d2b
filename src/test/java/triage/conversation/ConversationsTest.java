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
        assertFalse(t.concluded(), "strong, but not yet confirmed by RethinkDB's own check");
        assertEquals("rethinkdb-healthy", t.question().id(), "its own check comes before settling");
        t = chat.handle("c3", "no, it is down");
        assertEquals("rethinkdb", top(t));
        assertTrue(t.concluded(), "confirmed");
        assertNull(t.question());
        assertNotNull(t.diagnosis().remedy());
        assertTrue(t.diagnosis().remedy().steps().get(0).startsWith("Restore RethinkDB"), t.diagnosis().remedy().toString());
    }

    @Test
    void not_sure_sets_the_question_aside_without_moving_the_diagnosis() {
        Turn first = chat.handle("n1", "nobody can log in");
        assertEquals("requests-reach-services", first.question().id());
        for (String unsure : java.util.List.of("not sure", "I don't know", "no idea", "can't tell", "dunno", "skip")) {
            chat.forget("n1");
            chat.handle("n1", "nobody can log in");
            Turn t = chat.handle("n1", unsure);
            assertEquals(Turn.Kind.DIAGNOSIS, t.kind(), unsure);
            assertTrue(t.heard().isEmpty(), unsure + " is not read as yes or no");
            assertEquals(first.diagnosis().causes(), t.diagnosis().causes(), unsure + ": the diagnosis does not move");
            assertTrue(t.notes().get(0).startsWith("Setting that aside"), t.notes().toString());
            assertNotNull(t.question());
            assertFalse(t.question().id().equals("requests-reach-services"), unsure + ": not the same question again");
        }
    }

    @Test
    void what_cannot_be_read_as_an_answer_gets_a_clarification_not_the_same_question() {
        Turn asked = chat.handle("q1", "nobody can log in");
        Turn t = chat.handle("q1", "hmm let me think about the weather");
        assertEquals(Turn.Kind.CLARIFY, t.kind());
        assertNull(t.question(), "the question is not asked twice in a row");
        assertTrue(t.notes().get(0).contains(asked.question().question()), t.notes().toString());
        t = chat.handle("q1", "yes");
        assertEquals(asked.question().id(), t.heard().get(0).getSymptom(), "the question stays open for the answer");
    }

    @Test
    void a_leading_no_that_states_another_symptom_is_an_observation_not_an_answer() {
        Turn asked = chat.handle("l1", "placeos: executes fail");
        chat.handle("l1", "no idea");
        asked = chat.handle("l1", "modules load fine and backoffice lists the systems");
        assertFalse(asked.question().id().equals("login-works"), "the question must be about something else");
        Turn t = chat.handle("l1", "nope, login is broken for everyone");
        assertTrue(t.heard().stream().anyMatch(o -> o.getSymptom().equals("login-works") && !o.isPresent()), t.heard().toString());
        assertTrue(t.heard().stream().noneMatch(o -> o.getSymptom().equals("requests-reach-services")), t.heard().toString());
    }

    @Test
    void restarting_something_is_an_action_not_a_component_down() {
        chat.handle("r1", "the website is down");
        Turn t = chat.handle("r1", "I restarted the api pods, still broken");
        assertTrue(t.heard().stream().noneMatch(o -> o.getSymptom().equals("stack-component-down") && o.isPresent()),
                t.heard().toString());
    }

    @Test
    void a_changed_answer_withdraws_what_followed_from_it_and_says_so() {
        chat.handle("w1", "login fails");
        chat.handle("w1", "requests are reaching the api");
        Turn t = chat.handle("w1", "actually I can log in");
        assertTrue(t.diagnosis().causes().stream().noneMatch(c -> c.component().equals("rethinkdb")));
        String note = String.join(" ", t.notes());
        assertTrue(note.contains("Changed: login works (before: login fails)"), note);
        assertTrue(note.contains("the suspicion of RethinkDB"), note);
    }

    @Test
    void a_settled_diagnosis_reopens_on_a_strong_contradiction() {
        chat.handle("s1", "login fails");
        chat.handle("s1", "requests are reaching the api");
        Turn t = chat.handle("s1", "rethinkdb is down");
        assertTrue(t.concluded());
        t = chat.handle("s1", "sorry, rethinkdb is up and healthy, and login works");
        assertFalse(t.concluded());
        assertTrue(String.join(" ", t.notes()).contains("That does not fit RethinkDB"), t.notes().toString());
    }

    /** A web-stack outage whose only sign of DNS is one statement: DNS leads on that alone. */
    private Turn onlyOneSignOfDns(String id) {
        chat.handle(id, "our django site is down");
        chat.handle(id, "every component of the stack is up");
        return chat.handle(id, "the hostname resolves to the wrong address");
    }

    @Test
    void a_conclusion_resting_on_one_answer_asks_it_once_more_and_settles_when_it_agrees() {
        Turn t = onlyOneSignOfDns("a1");
        assertEquals("dns", top(t));
        assertFalse(t.concluded(), "one answer alone decides it");
        assertEquals("dns-resolves-as-expected", t.question().id(), "that answer is asked again");
        assertTrue(t.question().question().startsWith("To be sure"), t.question().question());
        t = chat.handle("a1", "no");
        assertEquals("dns", top(t));
        assertTrue(t.concluded(), "two answers agree");
        assertNotNull(t.diagnosis().remedy());
    }

    @Test
    void an_answer_asked_again_that_contradicts_the_first_sets_both_aside_and_says_so() {
        onlyOneSignOfDns("a2");
        Turn t = chat.handle("a2", "yes");
        assertFalse("dns".equals(top(t)) && t.concluded(), "not settled on a contradicted answer");
        assertTrue(t.diagnosis().understood().stream().noneMatch(o -> o.getSymptom().equals("dns-resolves-as-expected")),
                t.diagnosis().understood().toString());
        assertTrue(String.join(" ", t.notes()).contains("That is not what you said before"), t.notes().toString());
        assertNotNull(t.question());
        // the question still decides (its answers put DNS first or leave no suspect): a third answer breaks the tie
        assertEquals("dns-resolves-as-expected", t.question().id());
        assertTrue(t.question().question().startsWith("Your two answers to this differ"), t.question().question());
        t = chat.handle("a2", "no");
        assertEquals("dns", top(t));
        assertTrue(t.concluded(), "two answers of three agree");
    }

    @Test
    void what_the_first_message_ruled_out_is_asked_for_real_while_no_suspect_stands() {
        Turn t = chat.handle("r1", "our django site gives errors on every page and every component of the stack is up");
        assertTrue(t.diagnosis().understood().stream().anyMatch(o -> o.getSymptom().equals("stack-component-down")),
                t.diagnosis().understood().toString());
        assertFalse(t.concluded());
        assertNotNull(t.question());
        assertFalse("stack-component-down".equals(t.question().id()), "what was just said is not asked straight back");
        for (int i = 0; i < 2 && !"stack-component-down".equals(t.question().id()); i++) {
            assertTrue(t.diagnosis().causes().isEmpty() || t.diagnosis().causes().get(0).confidence() < 0.5, t.toString());
            t = chat.handle("r1", "no");
        }
        assertEquals("stack-component-down", t.question().id(), "the opening's 'all up' is checked before the trees go on");
        t = chat.handle("r1", "yes");
        assertEquals("stack-component", top(t), "the answer wins over the reading");
    }

    @Test
    void a_conversation_keeps_to_its_stack() {
        Turn t = chat.handle("k1", "our django site is down, daphne workers look stuck");
        assertTrue(t.diagnosis().causes().stream().noneMatch(c -> java.util.Set.of("rethinkdb", "etcd", "redis",
                "elasticsearch", "driver", "core", "load-balancer").contains(c.component())), t.diagnosis().causes().toString());
        Conversations placeosOnly = new Conversations(Fixtures.triage(java.util.Set.of("placeos")),
                new MemoryStore(10, Duration.ofHours(1), Clock.systemUTC()), Clock.systemUTC());
        Turn p = placeosOnly.handle("k2", "the request queue is growing");
        assertNull(top(p), "a web-stack symptom raises nothing on a PlaceOS-only deployment");
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

    @Test
    void a_retraction_forgets_what_was_reported() {
        assertEquals("rethinkdb", top(chat.handle("oops", "nobody can log in to backoffice")));
        Turn t = chat.handle("oops", "never mind, it was my own phone");
        assertEquals(Turn.Kind.RESET, t.kind());
        assertNull(top(t));
    }
}
