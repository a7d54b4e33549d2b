package triage.engine;

import org.kie.api.runtime.KieSession;
import triage.knowledge.Symptom;
import triage.model.Check;
import triage.model.Observation;

import java.util.List;
import java.util.Map;

/**
 * Two answers to one question that contradict each other (the second asked because the first
 * alone decided, {@link Corroboration}) are both set aside: one of them was a slip, and which one
 * is not known. When that question decides the diagnosis all the same (its two answers put
 * different causes first, or move the first by {@value #DECIDES} or more), it is asked a third
 * time at once, and the majority of the three answers stands; a question that decides nothing
 * stays set aside. The third answer is taken as it comes (it is not compared again), and the
 * person's patience bounds it as it bounds {@link Corroboration}.
 */
final class TieBreak {
    /** How far the two answers must move the first cause for the question to decide. */
    static final double DECIDES = 0.3;
    /** How a question asked a third time begins. */
    static final String AGAIN = "Your two answers to this differ, so once more: ";

    private TieBreak() {}

    /** The question whose two answers just contradicted each other, asked a third time; or null. */
    static Check needed(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope, Asking asking,
                        List<Observation> observations) {
        String id = asking.notNow();
        if (id == null || !asking.rechecked().contains(id) || !scope.reads().contains(id)) return null;
        for (Observation o : observations) if (o.getSymptom().equals(id)) return null;
        java.util.function.Predicate<Observation> own = Asking.ownAnswers(observations);
        int given = 0;
        for (Observation o : observations) if (own.test(o)) given++;
        if (given + asking.setAside().size() >= Corroboration.MAX_ANSWERS + 2) return null;
        Symptom s = rb.knowledge().symptoms().get(id);
        if (s == null) return null;
        NextChecks.Both both = NextChecks.Both.tried(session, tracker, scope, id);
        Diagnoser.fire(session, scope);
        String yesTop = top(both.yes()), noTop = top(both.no());
        boolean decides = yesTop == null ? noTop != null : !yesTop.equals(noTop)
                || Math.abs(both.yes().getOrDefault(yesTop, 0.0) - both.no().getOrDefault(yesTop, 0.0)) >= DECIDES;
        return decides ? new Check(s.id(), AGAIN + s.question(), s.how(), 0.0) : null;
    }

    private static String top(Map<String, Double> cf) {
        String best = null;
        for (Map.Entry<String, Double> e : cf.entrySet()) {
            if (e.getValue() > 0 && (best == null || e.getValue() > cf.get(best))) best = e.getKey();
        }
        return best;
    }
}
