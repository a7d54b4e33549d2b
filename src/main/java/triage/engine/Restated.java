package triage.engine;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import triage.knowledge.Symptom;
import triage.model.Check;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Before settling, what could still overturn the leading cause is asked: first a check nobody
 * has answered ({@link NextChecks#challenger}), then a fact only the first message stated. The
 * first message is read, not answered: a misread word there ("barely loaded" read as a busy
 * database, a status page read as the service itself) would otherwise decide the conclusion
 * without the person ever being asked. A fact of the opening is asked for real (once: its answer
 * wins over the reading) when, turned around in the live session, it would put another cause at
 * or ahead of the leader; or, when the leader would not stand on the answers alone (every fact
 * of the opening taken back, it falls below {@link Corroboration#HOLDS} or behind another), the
 * cheapest fact of the opening that carries it. Cheapest: by effort, then the seeds' order. The
 * same holds when the diagnosis would settle because nothing is left to ask.
 */
final class Restated {
    /** Answers the person gives before a fact the first message ruled out is asked for real. */
    static final int CLEARED_AFTER = 1;

    private Restated() {}

    /** The check to ask before settling on {@code top}, or null when nothing left could overturn it. */
    static Check challenger(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope, Set<String> answered,
                            Asking asking, List<Observation> observations, List<FactHandle> handles, String top) {
        Check unanswered = NextChecks.challenger(rb, session, tracker, scope, answered, asking, top);
        return unanswered != null ? unanswered : stated(rb, session, tracker, scope, asking, observations, handles, top);
    }

    /**
     * The cheapest fact read from the first message (and never answered since) that, turned
     * around, puts another cause at or ahead of {@code top}; null when there is none.
     */
    static Check stated(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope, Asking asking,
                        List<Observation> observations, List<FactHandle> handles, String top) {
        Predicate<Observation> opening = Asking.opening(observations);
        Symptom best = turned(rb, session, tracker, scope, asking, observations, handles, opening,
                cf -> NextChecks.overtaken(cf, top));
        if (best == null) best = carrying(rb, session, tracker, scope, asking, observations, handles, top, opening);
        return best == null ? null : new Check(best.id(), best.question(), best.how(), 0.0);
    }

    /**
     * While no suspect stands: the cheapest fact read from the first message (never answered since)
     * that, turned around, would put a cause at {@link Corroboration#HOLDS} or more. What the first
     * message ruled out ("the pods all look fine") is the likeliest place a misreading, or a look
     * at the wrong part, hides the fault; it is asked for real before the trees go on, once the
     * person has answered {@value #CLEARED_AFTER} questions (what they just said is not asked
     * straight back: the trees' first steps come first).
     */
    static Check cleared(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope, Asking asking,
                         List<Observation> observations, List<FactHandle> handles) {
        // (a reply to a question, not text: when the first message read nothing, the next one is taken for it)
        if (observations.stream().filter(o -> Observation.ANSWER.equals(o.getSource())).count() < CLEARED_AFTER) return null;
        Predicate<Observation> opening = Asking.opening(observations);
        Symptom best = turned(rb, session, tracker, scope, asking, observations, handles, opening,
                cf -> cf.values().stream().anyMatch(v -> v >= Corroboration.HOLDS));
        return best == null ? null : new Check(best.id(), best.question(), best.how(), 0.0);
    }

    /**
     * When {@code top} would not stand on the answers alone (the opening's facts all taken back, it
     * falls below {@link Corroboration#HOLDS} or behind another), the cheapest fact of the opening
     * that carries it (taken back alone, it lowers {@code top}); null when it stands, or none does.
     */
    private static Symptom carrying(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope, Asking asking,
                                    List<Observation> observations, List<FactHandle> handles, String top, Predicate<Observation> opening) {
        List<Integer> stated = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            if (opening.test(o)) stated.add(i);
        }
        double before = tracker.signedCertainties().getOrDefault(top, 0.0);
        for (int i : stated) session.delete(handles.get(i));
        Diagnoser.fire(session, scope);
        Map<String, Double> without = tracker.signedCertainties();
        boolean stands = without.getOrDefault(top, 0.0) >= Corroboration.HOLDS && !NextChecks.overtaken(without, top);
        for (int i : stated) handles.set(i, session.insert(observations.get(i)));
        Diagnoser.fire(session, scope);
        if (stands) return null;
        Map<String, Integer> treeIndex = rb.treeIndex();
        Symptom best = null;
        for (int i : stated) {
            Symptom s = rb.knowledge().symptoms().get(observations.get(i).getSymptom());
            if (s == null || !eligible(s, scope, asking) || !rb.symptomsAbout(top).contains(s.id())
                    || best != null && !NextChecks.cheaper(s, best, treeIndex)) {
                continue;
            }
            session.delete(handles.get(i));
            Diagnoser.fire(session, scope);
            boolean carries = tracker.signedCertainties().getOrDefault(top, 0.0) < before - Corroboration.MIN_SWING;
            handles.set(i, session.insert(observations.get(i)));
            Diagnoser.fire(session, scope);
            if (carries) best = s;
        }
        return best;
    }

    /** The cheapest fact of the opening that, turned around in the live session, makes {@code test} hold. */
    private static Symptom turned(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope, Asking asking,
                                  List<Observation> observations, List<FactHandle> handles, Predicate<Observation> opening,
                                  Predicate<Map<String, Double>> test) {
        Map<String, Integer> treeIndex = rb.treeIndex();
        Symptom best = null;
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            if (!opening.test(o)) continue;
            Symptom s = rb.knowledge().symptoms().get(o.getSymptom());
            if (s == null || !eligible(s, scope, asking) || best != null && !NextChecks.cheaper(s, best, treeIndex)) continue;
            FactHandle h = handles.get(i);
            session.update(h, new Observation(o.getSymptom(), !o.isPresent(), o.getText(), Observation.HYPOTHESIS));
            Diagnoser.fire(session, scope);
            boolean holds = test.test(tracker.signedCertainties());
            session.update(h, o);
            Diagnoser.fire(session, scope);
            if (holds) best = s;
        }
        return best;
    }

    private static boolean eligible(Symptom s, Scope scope, Asking asking) {
        return scope.reads().contains(s.id()) && !asking.rechecked().contains(s.id()) && asking.mayAsk(s.id(), false);
    }

    /** Less effort, or as much and earlier in the seeds' order. */
}
