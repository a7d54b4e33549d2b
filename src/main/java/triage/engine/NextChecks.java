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
 * <p>The suspects are read as a belief: each component that evidence supports weighs its
 * certainty, and everything not (yet) suspected shares one weight of {@value #OTHER}, "something
 * else" (so ruling out components nobody suspects is worth nothing). For every symptom the
 * in-scope rules read and nobody has answered, both answers are tried in the live session
 * (inserted, fired, then withdrawn, which truth maintenance undoes). How likely each answer is
 * comes from the suspects: under a suspect the rules raise on "yes", "yes" is likely; under one
 * they lower, unlikely; under one they leave alone, a healthy system's answer (a symptom of
 * something working is mostly present, one of a fault mostly absent). The check's value is the
 * entropy of the belief now less the entropy expected after the answer, each answer weighted by
 * that likelihood, divided by its effort ({@link #COST}). Questions set aside ("not sure") are
 * not asked again this way.
 *
 * <p>While no suspect stands (or only a weak one), the seed runbooks' troubleshooting order is
 * asked, the trees of runbooks named in the text first; set-aside questions come again only when
 * no suspect stands and nothing else is left, never the one just set aside.
 */
final class NextChecks {
    /** Symptoms tried per diagnosis at most; the ones bearing on the strongest suspects first. */
    private static final int MAX_CANDIDATES = 64;
    private static final int MAX_CHECKS = 3;
    /** Below this value (bits per unit of effort) a check is not worth asking. */
    private static final double MIN_CHECK_VALUE = 0.02;
    /** The weight of "something not yet suspected": the cause may be none of the suspects. */
    static final double OTHER = 0.15;
    /**
     * Effort of asking a person, by {@link Symptom#effort()}: a glance at a page is the unit. A
     * probe-effort symptom asked of a person takes a command (the live check runs for free
     * when it is configured, before anyone is asked).
     */
    private static final Map<String, Double> COST = Map.of("probe", 1.5, "glance", 1.0, "logs", 1.25, "command", 1.5);
    /** How far a certainty must move for an answer to count as expected under a suspect. */
    private static final double FULL_SWING = 0.5;

    private NextChecks() {}

    /**
     * The seed's order: the next step of each tree in scope, trees of runbooks the text named
     * first; questions set aside only when {@code evenSetAside} and nothing else is left.
     */
    static List<Check> treeChecks(Knowledge k, Set<String> answered, Set<String> hints, Scope scope,
                                  Asking asking, boolean evenSetAside) {
        List<Check> out = treeChecks(k, answered, hints, scope, asking, false, 0);
        return out.isEmpty() && evenSetAside ? treeChecks(k, answered, hints, scope, asking, true, 0) : out;
    }

    private static List<Check> treeChecks(Knowledge k, Set<String> answered, Set<String> hints, Scope scope,
                                          Asking asking, boolean evenSetAside, int unused) {
        List<Runbook> order = new ArrayList<>();
        for (Runbook r : k.runbooks().values()) if (hints.contains(r.id()) && scope.runbooks().contains(r.id())) order.add(r);
        List<Runbook> rest = new ArrayList<>();
        for (Runbook r : k.runbooks().values()) if (!hints.contains(r.id()) && scope.runbooks().contains(r.id())) rest.add(r);
        // the trees take turns, the one least far along first (a stable sort keeps knowledge order on
        // ties); once a stack is picked its own runbook's tree takes two turns to general knowledge's
        // one (a step of the general tree counts twice), so that the stack's own checks (DNS, its
        // components) are not pushed past the person's patience; general knowledge that does not
        // hold on the conversation's stack last
        Set<String> stacks = new java.util.HashSet<>();
        for (Runbook r : k.runbooks().values()) if (!r.general() && scope.runbooks().contains(r.id())) stacks.add(r.stack());
        boolean picked = k.runbooks().values().stream().anyMatch(r -> !r.general() && !scope.runbooks().contains(r.id()));
        rest.sort(Comparator.comparingInt((Runbook r) -> picked && r.general() && !r.holdsOn(stacks) ? 1 : 0)
                .thenComparingLong(r -> r.tree().stream().filter(answered::contains).count() * (picked && r.general() ? 2 : 1)));
        order.addAll(rest);
        List<Check> out = new ArrayList<>();
        for (Runbook r : order) {
            for (String id : r.tree()) {
                if (answered.contains(id) || out.stream().anyMatch(c -> c.id().equals(id))) continue;
                if (!asking.mayAsk(id, false)) continue;
                Symptom s = k.symptoms().get(id);
                out.add(new Check(s.id(), s.question(), s.how(), 0.0));
                break;  // one question a runbook: the next step of each tree
            }
            if (out.size() >= MAX_CHECKS) break;
        }
        return out;
    }

    /** The checks worth most per unit of effort, best first; none that was set aside. */
    static List<Check> valueChecks(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope,
                                   Set<String> answered, Asking asking) {
        Knowledge k = rb.knowledge();
        Map<String, Integer> treeIndex = rb.treeIndex();
        List<String> components = List.copyOf(scope.components());
        if (components.isEmpty()) return List.of();
        Map<String, Double> now = tracker.signedCertainties();
        double[] p0 = belief(components, now);
        double h0 = entropy(p0);
        // which symptoms bear on the suspects: weight each by the belief in those it can move (one
        // that bears on none of them can only raise new suspects, which is worth little and costs
        // two firings to find out)
        Map<String, Double> weight = new LinkedHashMap<>();
        for (int i = 0; i < components.size(); i++) {
            double w = p0[i];
            if (w <= 0) continue;
            for (String s : rb.symptomsAbout(components.get(i))) {
                if (answered.contains(s) || !scope.reads().contains(s) || !k.symptoms().containsKey(s)) continue;
                weight.merge(s, w, Double::sum);
            }
        }
        List<String> candidates = new ArrayList<>(weight.keySet());
        candidates.sort(Comparator.comparingDouble((String s) -> -weight.get(s))
                .thenComparingInt(s -> treeIndex.getOrDefault(s, Integer.MAX_VALUE)));
        List<Check> scored = new ArrayList<>();
        int tried = 0;
        for (String id : candidates) {
            if (!asking.mayAsk(id, false)) continue;
            if (tried++ >= MAX_CANDIDATES) break;
            Symptom s = k.symptoms().get(id);
            Both both = Both.tried(session, tracker, scope, id);
            double value = gain(components, p0, h0, s.good(), both.yes(), both.no()) / cost(s);
            if (value < MIN_CHECK_VALUE) continue;
            Check c = new Check(id, s.question(), s.how(), Diagnoser.round(value));
            scored.add(c);
        }
        Comparator<Check> best = Comparator.comparingDouble((Check c) -> -c.value())
                .thenComparingInt(c -> treeIndex.getOrDefault(c.id(), Integer.MAX_VALUE));
        scored.sort(best);
        return scored.size() > MAX_CHECKS ? List.copyOf(scored.subList(0, MAX_CHECKS)) : scored;
    }

    /**
     * Before settling on {@code top}: the cheapest unanswered check about {@code top} or another
     * suspect one answer to which would put another cause ahead of it (a conclusion must not rest
     * on the answers given so far when one more could overturn it); null when there is none.
     */
    static Check challenger(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope,
                            Set<String> answered, Asking asking, String top) {
        Knowledge k = rb.knowledge();
        Map<String, Integer> treeIndex = rb.treeIndex();
        Set<String> candidates = new java.util.LinkedHashSet<>();
        Map<String, Double> now = tracker.signedCertainties();
        for (String c : scope.components()) {
            // what could overturn it: another explanation of its own signs, or a sign of a cause
            // already suspected; a cause nothing points at is not asked after one by one
            if (!c.equals(top) && now.getOrDefault(c, 0.0) <= 0) continue;
            for (String s : rb.symptomsAbout(c)) {
                if (!answered.contains(s) && scope.reads().contains(s) && k.symptoms().containsKey(s) && asking.mayAsk(s, false)) {
                    candidates.add(s);
                }
            }
        }
        Symptom best = null;
        int tried = 0;
        for (String id : candidates) {
            if (tried++ >= MAX_CANDIDATES) break;
            Symptom s = k.symptoms().get(id);
            if (best != null && !cheaper(s, best, treeIndex)) continue;
            FactHandle h = session.insert(new Observation(id, true, "", Observation.HYPOTHESIS));
            Diagnoser.fire(session, scope);
            boolean overturns = overtaken(tracker.signedCertainties(), top);
            session.update(h, new Observation(id, false, "", Observation.HYPOTHESIS));
            Diagnoser.fire(session, scope);
            overturns |= overtaken(tracker.signedCertainties(), top);
            session.delete(h);
            Diagnoser.fire(session, scope);
            if (overturns) best = s;
        }
        return best == null ? null : new Check(best.id(), best.question(), best.how(), 0.0);
    }

    /** Whether {@code s} is the cheaper check to ask than {@code than}: less effort, then earlier in the seeds' trees. */
    static boolean cheaper(Symptom s, Symptom than, Map<String, Integer> treeIndex) {
        return s.effortRank() < than.effortRank() || s.effortRank() == than.effortRank()
                && treeIndex.getOrDefault(s.id(), Integer.MAX_VALUE) < treeIndex.getOrDefault(than.id(), Integer.MAX_VALUE);
    }

    static boolean overtaken(Map<String, Double> cf, String top) {
        double t = cf.getOrDefault(top, 0.0);
        for (Map.Entry<String, Double> e : cf.entrySet()) if (!e.getKey().equals(top) && e.getValue() >= t) return true;
        return false;
    }

    /**
     * Expected information gain of a yes/no check: the entropy now less the expected entropy
     * after the answer, each answer weighted by how likely the current suspects make it.
     */
    static double gain(List<String> components, double[] p0, double h0, boolean good,
                       Map<String, Double> yes, Map<String, Double> no) {
        double pYes = p0[components.size()] * (good ? 0.85 : 0.15);  // under "something else", a healthy system's answer
        for (int i = 0; i < components.size(); i++) pYes += p0[i] * likelihood(components.get(i), good, yes, no);
        double after = pYes * entropy(belief(components, yes)) + (1 - pYes) * entropy(belief(components, no));
        // to nine places: the order sums run in must never tip a ranking between equal checks
        return Math.rint((h0 - after) * 1e9) / 1e9;
    }

    /** The signed certainties after "yes" and after "no" to one symptom. */
    record Both(Map<String, Double> yes, Map<String, Double> no) {
        /**
         * "yes", then the same fact turned to "no", then withdrawn; the withdrawal is settled by
         * the next firing in the session, which reads the same.
         */
        static Both tried(KieSession session, SessionTracker tracker, Scope scope, String id) {
            FactHandle h = session.insert(new Observation(id, true, "", Observation.HYPOTHESIS));
            Diagnoser.fire(session, scope);
            Map<String, Double> yes = tracker.signedCertainties();
            session.update(h, new Observation(id, false, "", Observation.HYPOTHESIS));
            Diagnoser.fire(session, scope);
            Map<String, Double> no = tracker.signedCertainties();
            session.delete(h);
            return new Both(yes, no);
        }
    }

    /**
     * How likely "yes" is when {@code c} is the fault: a healthy system's answer (a symptom of
     * something working mostly present, one of a fault mostly absent), moved toward 0.95 or 0.05
     * as far as the rules move {@code c} between the answers "yes" and "no".
     */
    static double likelihood(String c, boolean good, Map<String, Double> yes, Map<String, Double> no) {
        double base = good ? 0.85 : 0.15;
        double swing = Math.max(-1, Math.min(1, (yes.getOrDefault(c, 0.0) - no.getOrDefault(c, 0.0)) / FULL_SWING));
        return swing >= 0 ? base + (0.95 - base) * swing : base + (base - 0.05) * swing;
    }

    /** The effort of asking a person {@code s}, a glance at a page being the unit. */
    static double cost(Symptom s) { return COST.getOrDefault(s.effort(), 1.0); }

    /**
     * The belief that certainties stand for, normalised: one entry per component (its certainty
     * when positive, else nothing), and a last one for "something not yet suspected".
     */
    static double[] belief(List<String> components, Map<String, Double> cf) {
        double[] w = new double[components.size() + 1];
        double sum = OTHER;
        w[components.size()] = OTHER;
        for (int i = 0; i < components.size(); i++) {
            w[i] = Math.max(0, cf.getOrDefault(components.get(i), 0.0));
            sum += w[i];
        }
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
