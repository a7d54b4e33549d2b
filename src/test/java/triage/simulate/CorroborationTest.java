package triage.simulate;

import org.junit.jupiter.api.Test;
import triage.Fixtures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No single answer decides: a late wrong "yes" that puts a new cause first is checked before it settles. */
class CorroborationTest {
    private final Bot bot = new ConversationBot(Fixtures.triage());

    /**
     * Plays {@code profile} answering truthfully except the first answer to {@code slip}, turned
     * around (a slip, not a belief: asked again, the person answers what they see); returns the
     * symptoms asked.
     */
    private List<String> play(Profile p, String slip, List<Bot.Reply> replies) {
        List<String> asked = new ArrayList<>();
        Bot.Reply r = bot.say("corroboration", p.opening());
        replies.add(r);
        while (!r.settled() && r.question() != null && asked.size() < 14) {
            String s = r.question();
            asked.add(s);
            Boolean truth = p.truth(s);
            boolean slips = s.equals(slip) && asked.indexOf(s) == asked.size() - 1;
            String text = truth == null ? "not sure" : (slips ? !truth : truth) ? "yes" : "no";
            r = bot.say("corroboration", text);
            replies.add(r);
        }
        return asked;
    }

    @Test
    void a_wrong_yes_that_names_a_new_cause_is_checked_against_that_cause_before_settling() {
        Profile p = Profiles.read(List.of(Path.of("eval/faults/dev2.yaml"))).stream()
                .filter(x -> x.id().equals("memory-leak-all-instances-h1")).findFirst().orElseThrow();
        // (the slip: the hostname said to resolve somewhere unexpected, which alone names DNS)
        assertEquals(Boolean.TRUE, p.truth("dns-resolves-as-expected"));
        List<Bot.Reply> replies = new ArrayList<>();
        List<String> asked = play(p, "dns-resolves-as-expected", replies);
        int slip = asked.indexOf("dns-resolves-as-expected");
        assertTrue(slip >= 0, "the check the slip is made on was asked: " + asked);
        Bot.Reply after = replies.get(slip + 1);
        assertEquals("dns", after.top(), "the wrong answer puts DNS first: " + asked);
        assertFalse(after.settled(), "but one answer does not settle it");
        // asked once more, the answer contradicts the slip; the question still decides, so a third answer breaks the tie
        assertEquals(3, asked.stream().filter("dns-resolves-as-expected"::equals).count(),
                "the deciding answer is asked once more, and a third time when the two disagree: " + asked);
        Bot.Reply end = replies.get(replies.size() - 1);
        assertEquals("memory-leak", end.top(), "the answer asked again contradicts the slip and the ranking reopens: " + asked);
        assertTrue(end.settled(), asked.toString());
        assertTrue(asked.size() <= 12, "within the simulator's twelve questions: " + asked);
    }

    @Test
    void truthful_answers_still_settle_on_the_true_cause() {
        Profile p = Profiles.read(List.of(Path.of("eval/faults/dev2.yaml"))).stream()
                .filter(x -> x.id().equals("memory-leak-all-instances-h1")).findFirst().orElseThrow();
        List<Bot.Reply> replies = new ArrayList<>();
        play(p, null, replies);
        Bot.Reply end = replies.get(replies.size() - 1);
        assertEquals(p.component(), end.top());
        assertTrue(end.settled());
    }
}
