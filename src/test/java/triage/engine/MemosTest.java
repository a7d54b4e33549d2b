package triage.engine;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.language.Interpretation;
import triage.language.Interpreter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemosTest {
    private final Rulebook rb = Fixtures.shipped();
    private final Interpreter in = rb.interpreter();

    @Test
    void a_text_is_read_once_and_remembered() {
        Memos memos = new Memos(rb.revision());
        Interpretation first = memos.read(in, List.of("nobody can log in"));
        Interpretation again = memos.read(in, List.of("nobody can log in"));
        assertEquals(List.of("login-works"), first.readings().stream().map(o -> o.getSymptom()).toList());
        assertTrue(first.readings().get(0) == again.readings().get(0), "the second request reuses the first reading");
    }

    @Test
    void a_text_the_requests_budget_did_not_reach_is_left_unread_and_not_remembered() {
        // far more words in no list than one request may pay for, then a plain sentence
        List<String> body = new ArrayList<>();
        Random r = new Random(7);
        for (int t = 0; t < 400; t++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 1300) {
                for (int i = 5 + r.nextInt(7); i > 0; i--) sb.append((char) ('a' + r.nextInt(26)));
                sb.append(' ');
            }
            body.add(sb.toString());
        }
        body.add("nobody can log in");
        Memos memos = new Memos(rb.revision());
        Interpretation cut = memos.read(in, body);
        assertTrue(cut.readings().isEmpty(), "the sentence after the budget ran out was read: " + cut.readings());
        assertTrue(cut.unrecognized().contains("nobody can log in"));
        Interpretation alone = memos.read(in, List.of("nobody can log in"));
        assertEquals(List.of("login-works"), alone.readings().stream().map(o -> o.getSymptom()).toList(),
                "the cut reading must not be remembered as what the sentence says");
    }

    @Test
    void a_retraction_takes_back_what_came_before_when_remembered_as_well_as_when_first_read() {
        List<String> body = List.of("nobody can log in", "false alarm, it was my own laptop", "the database is fine");
        Interpretation direct = in.read(body);
        Memos memos = new Memos(rb.revision());
        for (int round = 0; round < 2; round++) {
            Interpretation memo = memos.read(in, body);
            assertEquals(said(direct), said(memo), "round " + round);
            assertEquals(direct.unrecognized(), memo.unrecognized(), "round " + round);
            assertEquals(List.copyOf(direct.runbooks()), List.copyOf(memo.runbooks()), "round " + round);
        }
        assertTrue(memos.read(in, List.of("false alarm, it was my own laptop")).readings().isEmpty());
        assertEquals(List.of("login-works"), memos.read(in, List.of("nobody can log in")).readings().stream()
                .map(o -> o.getSymptom()).toList(), "a text before a retraction is still remembered as what it says");
    }

    @Test
    void the_runbooks_memo_tells_apart_the_same_names_in_other_sets_or_another_order() {
        Memos memos = new Memos(rb.revision());
        List<List<Set<String>>> asked = List.of(
                List.of(ordered("placeos"), ordered("web-stack"), ordered(), ordered()),
                List.of(ordered(), ordered("placeos", "web-stack"), ordered(), ordered()),
                List.of(ordered(), ordered("web-stack", "placeos"), ordered(), ordered()),
                List.of(ordered("placeos", "web-stack"), ordered("web-stack"), ordered(), ordered()),
                List.of(ordered("web-stack", "placeos"), ordered("web-stack"), ordered(), ordered()),
                List.of(ordered(), ordered(), ordered("login-works", "modules-load"), ordered()),
                List.of(ordered(), ordered(), ordered("login-works"), ordered("modules-load")),
                List.of(ordered(), ordered(), ordered(), ordered("login-works", "modules-load")));
        for (int round = 0; round < 2; round++) {
            for (List<Set<String>> a : asked) {
                Set<String> direct = rb.runbooksOn(a.get(0), a.get(1), a.get(2), a.get(3));
                Set<String> memo = memos.runbooksOn(rb, a.get(0), a.get(1), a.get(2), a.get(3));
                assertEquals(List.copyOf(direct), List.copyOf(memo), a + ", round " + round);
            }
        }
    }

    @Test
    void a_message_on_its_own_is_answered_as_before_and_still_counted_each_time() {
        List<Integer> diagnosed = new ArrayList<>();
        UnrecognizedLog log = new UnrecognizedLog(100, java.time.Clock.systemUTC());
        Triage triage = new Triage(LiveRulebook.serving(rb), log, (d, nanos) -> diagnosed.add(d.causes().size()));
        List<String> texts = List.of("nobody can log in to backoffice", "blorp zindle quaxx");
        Answer first = triage.answer(Said.texts(texts));
        Answer again = triage.answer(Said.texts(List.of(new String("nobody can log in to backoffice"), "blorp zindle quaxx")));
        assertTrue(first == again, "the same words on their own are answered as before");
        Answer afresh = Triage.answerOn(rb, Said.texts(texts));
        assertEquals(afresh.diagnosis().toString(), again.diagnosis().toString(), "as the rules answer them afresh");
        assertEquals(afresh.heard().toString() + afresh.onRunbooks(), again.heard().toString() + again.onRunbooks());
        assertTrue(List.copyOf(again.diagnosis().understood()) == again.diagnosis().understood(),
                "a remembered answer is handed out again: its lists cannot be changed");
        assertEquals(List.of("blorp zindle quaxx=2"), log.top(10).stream().map(e -> e.text() + "=" + e.count()).toList(),
                "what nothing read is counted every time");
        assertEquals(2, diagnosed.size(), "every answer is told to the observer (metrics)");

        // in a conversation, or with something to mask, the answer is made afresh
        Said inConversation = Said.texts(texts).inConversation(List.of(), Set.of(), "login-works");
        assertTrue(triage.answer(inConversation) != triage.answer(inConversation));
        Said secret = Said.texts(List.of("nobody can log in, password=hunter2hunter2"));
        Answer masked = triage.answer(secret);
        assertTrue(masked != triage.answer(secret), "an answer to a text with a secret is not kept under that text");
        assertTrue(masked.diagnosis().understood().stream().noneMatch(o -> o.getText().contains("hunter2")));
    }

    private static List<String> said(Interpretation in) {
        return in.readings().stream().map(o -> o.getSymptom() + "=" + o.isPresent() + " (" + o.getText() + ")").toList();
    }

    private static Set<String> ordered(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
