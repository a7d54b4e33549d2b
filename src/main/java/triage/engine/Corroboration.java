package triage.engine;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import triage.knowledge.Knowledge;
import triage.knowledge.Symptom;
import triage.model.Check;
import triage.model.Observation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No single answer decides: before a diagnosis settles, each answer the person gave (a yes/no,
 * or something said after the opening) is taken back in the live session, one at a time. When
 * the leading cause would then fall below {@value #HOLDS} or behind another, the conclusion rests
 * on that answer alone, and it is corroborated first: by one more check that moves the leading
 * cause (its own health or logs, or another sign the rules read for it; the one that moves it
 * most per unit of effort), or, when no such check is left (a cause with one sign, such as DNS
 * answering wrong), by asking that answer once more in other words. If the answer was right,
 * the new one agrees and the cause stands on two; if it was a slip, the new one contradicts it
 * and the ranking reopens (two contradicting answers to one question are set aside). This is
 * the robustness an expert applies to a decisive report ("let's double-check that"). Taking an
 * answer back, not turning it around, is the test: a conclusion that other answers carry too
 * does not rest on one (its own health check confirming what raised it, say).
 *
 * <p>A further check is asked at most once for a deciding answer, and not once
 * {@value #MAX_ANSWERS} answers are in (a person's patience is part of the cost); when the
 * conclusion still rests on that answer, the answer itself is asked again, once; not, once the
 * patience is spent, when the cause leads without that answer too (on another of its signs the
 * person gave, the deciding answer only lifting it over {@value #HOLDS}).
 */
final class Corroboration {
    /** Certainty the leading cause must keep with any one answer taken back. */
    static final double HOLDS = 0.5;
    /** Answers after which a conclusion resting on one of them is accepted all the same. */
    static final int MAX_ANSWERS = 9;
    /** How far a check must move the leading cause's certainty (which saturates near 1, so a little). */
    static final double MIN_SWING = 0.02;
    /** How a question asked a second time begins. */
    static final String AGAIN = "To be sure, as this answer alone decides it: ";

    private Corroboration() {}

    /** The check to ask before settling on {@code top}, or null when no single answer decides it. */
    static Check needed(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope, Set<String> answered,
                        Asking asking, List<Observation> observations, List<FactHandle> handles, String top) {
        java.util.function.Predicate<Observation> own = Asking.ownAnswers(observations);
        int given = 0;
        Observation decisive = null;
        boolean corroborated = false, leadsWithout = false;
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            if (!own.test(o)) continue;
            given++;
            // a check about the cause answered after the deciding answer: corroboration was tried
            if (decisive != null) corroborated |= rb.symptomsAbout(top).contains(o.getSymptom());
            if (decisive != null || asking.rechecked().contains(o.getSymptom())) continue;
            session.delete(handles.get(i));
            Diagnoser.fire(session, scope);
            Map<String, Double> without = tracker.signedCertainties();
            boolean falls = falls(without, top);
            handles.set(i, session.insert(o));
            Diagnoser.fire(session, scope);
            if (falls) {
                decisive = o;
                leadsWithout = without.getOrDefault(top, 0.0) > 0 && !NextChecks.overtaken(without, top);
            }
        }
        if (decisive == null) return null;
        // a question set aside ("not sure") spent the person's patience as much as an answer
        boolean patient = given + asking.setAside().size() < MAX_ANSWERS;
        if (!corroborated && patient) {
            Check more = independent(rb, session, tracker, scope, answered, asking, top);
            if (more != null) return more;
        }
        // patience spent, and the cause still leads without that answer on another sign the person
        // gave (it only lifts it over the bar): two answers agree, the conclusion is accepted
        if (!patient && leadsWithout) return null;
        // no other check left, or one was answered and the conclusion still rests on that answer:
        // it is asked once more (asking again takes one question, however long the conversation)
        Symptom s = rb.knowledge().symptoms().get(decisive.getSymptom());
        if (s == null || !scope.reads().contains(s.id())) return null;
        return new Check(s.id(), AGAIN + s.question(), s.how(), 0.0);
    }

    /**
     * The unanswered check that moves {@code top} most between its two answers, per unit of
     * effort: its own health, its logs, or another sign the rules read for it. Null when none
     * moves it by {@value #MIN_SWING}.
     */
    static Check independent(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope, Set<String> answered,
                             Asking asking, String top) {
        Knowledge k = rb.knowledge();
        Symptom best = null;
        double bestValue = 0;
        for (String id : rb.symptomsAbout(top)) {
            Symptom s = k.symptoms().get(id);
            if (s == null || answered.contains(id) || !scope.reads().contains(id) || !asking.mayAsk(id, false)) continue;
            FactHandle h = session.insert(new Observation(id, true, "", Observation.HYPOTHESIS));
            Diagnoser.fire(session, scope);
            double yes = tracker.signedCertainties().getOrDefault(top, 0.0);
            session.update(h, new Observation(id, false, "", Observation.HYPOTHESIS));
            Diagnoser.fire(session, scope);
            double no = tracker.signedCertainties().getOrDefault(top, 0.0);
            session.delete(h);
            Diagnoser.fire(session, scope);
            double swing = Math.abs(yes - no);
            double value = swing / (1 + s.effortRank() * 0.25);
            if (swing >= MIN_SWING && (best == null || value > bestValue + 1e-9)) {
                best = s;
                bestValue = value;
            }
        }
        return best == null ? null : new Check(best.id(), best.question(), best.how(), Diagnoser.round(bestValue));
    }

    private static boolean falls(Map<String, Double> cf, String top) {
        double t = cf.getOrDefault(top, 0.0);
        if (t < HOLDS) return true;
        for (Map.Entry<String, Double> e : cf.entrySet()) if (!e.getKey().equals(top) && e.getValue() >= t) return true;
        return false;
    }
}
