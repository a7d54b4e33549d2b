package triage.simulate;

import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.conversation.Turn;
import triage.engine.RuleInfo;
import triage.engine.Rulebook;
import triage.engine.Triage;
import triage.knowledge.Runbook;
import triage.knowledge.Symptom;
import triage.model.Cause;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bot in this process, reached the way every channel reaches it: {@link Conversations#handle}
 * with a conversation id and the text typed. No live checks are configured, so none are offered.
 */
public final class ConversationBot implements Bot {
    private final Conversations conversations;

    public ConversationBot(Triage triage) {
        Clock clock = Clock.systemUTC();
        this.conversations = new Conversations(triage, new MemoryStore(10_000, Duration.ofHours(1), clock), clock);
    }

    @Override public Reply say(String conversation, String text) {
        Turn t = conversations.handle(conversation, text);
        Cause top = t.diagnosis().top();
        List<Heard> heard = t.heard().stream()
                .map(u -> new Heard(u.getSymptom(), u.isPresent(), t.knowledge().label(u))).toList();
        return new Reply(top == null ? null : top.component(), top == null ? 0.0 : top.confidence(),
                t.question() == null ? null : t.question().id(), t.question() == null ? null : t.question().question(),
                t.concluded(), heard);
    }

    @Override public void forget(String conversation) { conversations.forget(conversation); }

    /** The reference order of {@code rules}: each runbook's tree, then the other symptoms its rules read, in knowledge order. */
    public static FixedOrder fixedOrder(Rulebook rules) {
        Map<String, Symptom> symptoms = rules.knowledge().symptoms();
        Map<String, List<String>> order = new HashMap<>();
        for (Runbook rb : rules.knowledge().runbooks().values()) {
            Set<String> read = new LinkedHashSet<>();
            for (RuleInfo r : rules.rules().values()) if (rb.id().equals(r.ref().runbook())) read.addAll(r.reads());
            Set<String> seq = new LinkedHashSet<>(rb.tree());
            for (String s : symptoms.keySet()) if (read.contains(s)) seq.add(s);
            seq.retainAll(symptoms.keySet());
            order.put(rb.id(), new ArrayList<>(seq));
        }
        Map<String, FixedOrder.Statement> statements = new HashMap<>();
        for (Symptom s : symptoms.values()) statements.put(s.id(), new FixedOrder.Statement(s.present(), s.absent(), s.question()));
        return new FixedOrder(order, statements);
    }
}
