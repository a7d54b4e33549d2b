package triage.render;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.conversation.Turn;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a person reads: the remedy once settled, notes first, a clarification instead of the same question. */
class ChatTextTest {
    private final Conversations chat = new Conversations(Fixtures.triage(),
            new MemoryStore(10, Duration.ofHours(1), Clock.systemUTC()), Clock.systemUTC());

    @Test
    void a_settled_cause_says_what_to_do_and_where_that_comes_from() {
        chat.handle("t1", "login fails");
        chat.handle("t1", "requests reach the api");
        Turn t = chat.handle("t1", "rethinkdb is down");
        String md = ChatText.render(t, ChatText.Style.MARKDOWN);
        assertTrue(md.startsWith("Then it is **RethinkDB**"), md);
        assertTrue(md.contains("**What to do:**\n- Restore RethinkDB"), md);
        assertTrue(md.contains("_From: PlaceOS \"Troubleshooting Backend Failures\": RethinkDB Failure_"), md);
        String slack = ChatText.render(t, ChatText.Style.SLACK);
        assertTrue(slack.contains("*What to do:*"), slack);
    }

    @Test
    void not_sure_is_said_before_the_diagnosis_and_unreadable_answers_get_a_clarification() {
        chat.handle("t2", "nobody can log in");
        String aside = ChatText.render(chat.handle("t2", "no idea"), ChatText.Style.MARKDOWN);
        assertTrue(aside.startsWith("Setting that aside (Are requests reaching the services?); the diagnosis has not moved."), aside);
        Turn clarify = chat.handle("t2", "hmm, the weather is nice");
        String text = ChatText.render(clarify, ChatText.Style.MARKDOWN);
        assertTrue(text.startsWith("I could not read that as an answer to"), text);
        assertFalse(text.contains("**Next check:**"), "not the same question again: " + text);
    }
}
