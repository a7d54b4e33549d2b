package triage.engine;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.language.Interpretation;
import triage.language.Interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
}
