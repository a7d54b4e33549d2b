package triage.engine;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import triage.knowledge.Knowledge;
import triage.knowledge.Runbook;
import triage.knowledge.Symptom;
import triage.model.Check;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search for the next checks, by expected value of information (decision-theoretic
 * troubleshooting: Heckerman, Breese and Rommelse, "Decision-theoretic troubleshooting", CACM
 * 1995; the expected-information-gain criterion of de Kleer and Williams' GDE).
 *
 * <p>The suspects are read as a belief: every component the conversation's runbooks can blame
 * weighs {@value #FLOOR} plus its certainty when evidence supports it, and {@value #FLOOR}
 * shrunk by the evidence against it otherwise (nothing when ruled out). For every symptom the
 * in-scope rules read and nobody has answered, both answers are tried in the live session
 * (inserted, fired, then withdrawn, which truth maintenance undoes). How likely each answer is
 * comes from the suspects: under a suspect the rules raise on "yes", "yes" is likely; under one
 * they lower, unlikely; under one they leave alone, a healthy system's answer (a symptom of
 * something working is mostly present, one of a fault mostly absent). The check's value is the
 * entropy of the belief now less the entropy expected after the answer, each answer weighted by
 * that likelihood, divided by its effort ({@link #COST}). Questions set aside ("not sure") come
 * only when nothing else is worth asking.
 *
 * <p>While no suspect stands, the seed runbooks' troubleshooting order is asked, the trees of
 * runbooks named in the text first.
 */
final class NextChecks {
    /** Symptoms tried per diagnosis at most; the ones bearing on the strongest suspects first. */
    private static final int MAX_CANDIDATES = 64;
    private static final int MAX_CHECKS = 3;
    /** Below this value (bits per unit of effort) a check is not worth asking. */
    private static final double MIN_CHECK_VALUE = 0.02;
    /** The weight of a component nothing has been said about: it may still be the cause. */
    static final double FLOOR = 0.1;
    /**
     * Effort of asking a person, by {@link Symptom#effort()}: a glance at a page is the unit. A
     * probe-effort symptom asked of a person takes a command (the live check runs for free
     * when it is configured, before anyone is asked).
     */
    private static final Map<String, Double> COST = Map.of("probe", 2.0, "glance", 1.0, "logs", 1.5, "command", 2.0);
    /** How far a certainty must move for an answer to count as expected under a suspect. */
    private static final double FULL_SWING = 0.5;

    private NextChecks() {}

    /** While nothing stands, the seed's order: first the trees of runbooks the text named. */
    static List<Check> treeChecks(Knowledge k, Set<String> answered, Set<String> hints, Scope scope, Set<String> setAside) {
        List<Check> out = treeChecks(k, answered, hints, scope, setAside, false);
        return out.isEmpty() ? treeChecks(k, answered, hints, scope, setAside, true) : out;
    }

    private static List<Check> treeChecks(Knowledge k, Set<String> answered, Set<String> hints, Scope scope,
                                          Set<String> setAside, boolean evenSetAside) {
        List<Runbook> order = new ArrayList<>();
        for (Runbook r : k.runbooks().values()) if (hints.contains(r.id()) && scope.runbooks().contains(r.id())) order.add(r);
        for (Runbook r : k.runbooks().values()) if (!hints.contains(r.id()) && scope.runbooks().contains(r.id())) order.add(r);
        List<Check> out = new ArrayList<>();
        for (Runbook r : order) {
            for (String id : r.tree()) {
                if (answered.contains(id) || out.stream().anyMatch(c -> c.id().equals(id))) continue;
                if (!evenSetAside && setAside.contains(id)) continue;
                Symptom s = k.symptoms().get(id);
                out.add(new Check(s.id(), s.question(), s.how(), 0.0));
                break;  // one question a runbook: the next step of each tree
            }
            if (out.size() >= MAX_CHECKS) break;
        }
        return out;
    }

    /** The checks worth most per unit of effort, best first; set-aside ones only when nothing else is worth it. */
    static List<Check> valueChecks(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope,
                                   Set<String> answered, Set<String> setAside) {
        Knowledge k = rb.knowledge();
        Map<String, Integer> treeIndex = rb.treeIndex();
        List<String> components = List.copyOf(scope.components());
        if (components.isEmpty()) return List.of();
        Map<String, Double> now = tracker.signedCertainties();
        double[] p0 = belief(components, now);
        double h0 = entropy(p0);
        // which symptoms bear on whom: weight each by the belief in the suspects it can move
        Map<String, Double> weight = new LinkedHashMap<>();
        for (int i = 0; i < components.size(); i++) {
            for (String s : rb.symptomsAbout(components.get(i))) {
                if (answered.contains(s) || !scope.reads().contains(s) || !k.symptoms().containsKey(s)) continue;
                weight.merge(s, p0[i], Double::sum);
            }
        }
        List<String> candidates = new ArrayList<>(weight.keySet());
        candidates.sort(Comparator.comparingDouble((String s) -> -weight.get(s))
                .thenComparingInt(s -> treeIndex.getOrDefault(s, Integer.MAX_VALUE)));
        List<Check> scored = new ArrayList<>(), aside = new ArrayList<>();
        int tried = 0;
        for (String id : candidates) {
            if (tried++ >= MAX_CANDIDATES) break;
            Symptom s = k.symptoms().get(id);
            // "yes", then the same fact turned to "no", then withdrawn; the withdrawal is settled
            // by the next candidate's firing (or never, at the last), which reads the same
            FactHandle h = session.insert(new Observation(id, true, "", Observation.HYPOTHESIS));
            Diagnoser.fire(session, scope);
            Map<String, Double> yes = tracker.signedCertainties();
            session.update(h, new Observation(id, false, "", Observation.HYPOTHESIS));
            Diagnoser.fire(session, scope);
            Map<String, Double> no = tracker.signedCertainties();
            session.delete(h);
            double value = gain(components, p0, h0, s.good(), yes, no) / COST.getOrDefault(s.effort(), 1.0);
            if (value < MIN_CHECK_VALUE) continue;
            Check c = new Check(id, s.question(), s.how(), Diagnoser.round(value));
            (setAside.contains(id) ? aside : scored).add(c);
        }
        Comparator<Check> best = Comparator.comparingDouble((Check c) -> -c.value())
                .thenComparingInt(c -> treeIndex.getOrDefault(c.id(), Integer.MAX_VALUE));
        scored.sort(best);
        aside.sort(best);
        scored.addAll(aside);
        return scored.size() > MAX_CHECKS ? List.copyOf(scored.subList(0, MAX_CHECKS)) : scored;
    }

    /**
     * Expected information gain of a yes/no check: the entropy now less the expected entropy
     * after the answer, each answer weighted by how likely the current suspects make it.
     */
    static double gain(List<String> components, double[] p0, double h0, boolean good,
                       Map<String, Double> yes, Map<String, Double> no) {
        double base = good ? 0.85 : 0.15;
        double pYes = 0;
        for (int i = 0; i < components.size(); i++) {
            String c = components.get(i);
            double swing = Math.max(-1, Math.min(1, (yes.getOrDefault(c, 0.0) - no.getOrDefault(c, 0.0)) / FULL_SWING));
            double likely = swing >= 0 ? base + (0.95 - base) * swing : base + (base - 0.05) * swing;
            pYes += p0[i] * likely;
        }
        double after = pYes * entropy(belief(components, yes)) + (1 - pYes) * entropy(belief(components, no));
        // to nine places: the order sums run in must never tip a ranking between equal checks
        return Math.rint((h0 - after) * 1e9) / 1e9;
    }

    /** The belief over {@code components} that signed certainties stand for, normalised. */
    static double[] belief(List<String> components, Map<String, Double> cf) {
        double[] w = new double[components.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double v = cf.getOrDefault(components.get(i), 0.0);
            w[i] = v > 0 ? FLOOR + v : FLOOR * (1 + v);
            sum += w[i];
        }
        if (sum <= 0) return w;
        for (int i = 0; i < w.length; i++) w[i] /= sum;
        return w;
    }

    static double entropy(double[] p) {
        double h = 0;
        for (double x : p) if (x > 0) h -= x * Math.log(x) / Math.log(2);
        return h;
    }

    /** Each symptom's place in the runbooks' trees: ties between checks go to the earlier. */
    static Map<String, Integer> treeIndex(Knowledge k) {
        Map<String, Integer> m = new HashMap<>();
        int i = 0;
        for (Runbook r : k.runbooks().values()) for (String s : r.tree()) m.putIfAbsent(s, i++);
        return m;
    }
}
