package triage.engine;

import org.kie.api.runtime.KieSession;
import triage.knowledge.Knowledge;
import triage.knowledge.Symptom;
import triage.model.Check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The next checks while no suspect stands clear, by expected information gain over every
 * component the conversation's stack can blame (decision-theoretic troubleshooting: Heckerman,
 * Breese and Rommelse 1995), instead of walking the seeds' trees in their order.
 *
 * <p>The prior is near uniform over the scope's components, bent by what was said: a component
 * weighs {@code 1 + c} for its signed certainty {@code c} (ruled out: 0; doubted: less; suspected
 * weakly: more). For every symptom the scope's rules read and nobody answered, both answers are
 * tried in the live session; how likely "yes" is under each component comes from how far the
 * rules move that component between the two answers ({@link NextChecks#likelihood}), a healthy
 * system's answer where they leave it alone. The belief after each answer is Bayes' rule on that
 * likelihood, and a check's value is the prior's entropy less the expected posterior entropy,
 * each answer weighted by its probability under the prior, per unit of effort.
 */
final class OpenChecks {
    /** Symptoms tried at most: each costs two firings. */
    private static final int MAX_CANDIDATES = 64;
    private static final int MAX_CHECKS = 3;
    /** Below this (bits per unit of effort) a check tells nothing worth asking. */
    private static final double MIN_VALUE = 0.01;

    private OpenChecks() {}

    static List<Check> best(Rulebook rb, KieSession session, SessionTracker tracker, Scope scope,
                            Set<String> answered, Asking asking) {
        Knowledge k = rb.knowledge();
        List<String> components = List.copyOf(scope.components());
        if (components.isEmpty() || !oneStack(k, scope)) return List.of();
        double[] prior = prior(components, tracker.signedCertainties());
        if (prior == null) return List.of();
        double h0 = NextChecks.entropy(prior);
        Map<String, Integer> treeIndex = rb.treeIndex();
        List<String> candidates = new ArrayList<>();
        for (String s : scope.reads()) {
            if (!answered.contains(s) && k.symptoms().containsKey(s) && asking.mayAsk(s, false)) candidates.add(s);
        }
        candidates.sort(Comparator.comparingInt(s -> treeIndex.getOrDefault(s, Integer.MAX_VALUE)));
        List<Check> scored = new ArrayList<>();
        for (String id : candidates.size() > MAX_CANDIDATES ? candidates.subList(0, MAX_CANDIDATES) : candidates) {
            Symptom s = k.symptoms().get(id);
            NextChecks.Both both = NextChecks.Both.tried(session, tracker, scope, id);
            double[] likely = new double[components.size()];
            for (int i = 0; i < likely.length; i++) {
                likely[i] = NextChecks.likelihood(components.get(i), s.good(), both.yes(), both.no());
            }
            double value = gain(prior, h0, likely) / NextChecks.cost(s);
            if (value >= MIN_VALUE) scored.add(new Check(id, s.question(), s.how(), Diagnoser.round(value)));
        }
        Diagnoser.fire(session, scope);
        scored.sort(Comparator.comparingDouble((Check c) -> -c.value())
                .thenComparingInt(c -> treeIndex.getOrDefault(c.id(), Integer.MAX_VALUE)));
        return scored.size() > MAX_CHECKS ? List.copyOf(scored.subList(0, MAX_CHECKS)) : scored;
    }

    /**
     * Whether the conversation keeps to one stack: while it could be on several, its stack is
     * the first question, which the seeds' trees (those of the runbooks it named first) ask.
     */
    static boolean oneStack(Knowledge k, Scope scope) {
        Set<String> stacks = new java.util.HashSet<>();
        for (String id : scope.runbooks()) {
            triage.knowledge.Runbook r = k.runbooks().get(id);
            if (r != null && !r.general()) stacks.add(r.stack());
        }
        return stacks.size() == 1;
    }

    /** Weight {@code 1 + c} per component for its signed certainty, normalised; null when all are ruled out. */
    static double[] prior(List<String> components, Map<String, Double> cf) {
        double[] p = new double[components.size()];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.max(0, 1 + cf.getOrDefault(components.get(i), 0.0));
            sum += p[i];
        }
        if (sum <= 0) return null;
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    /** Expected information gain of a yes/no check with P(yes | component i) = {@code likely[i]}. */
    static double gain(double[] prior, double h0, double[] likely) {
        double pYes = 0;
        for (int i = 0; i < prior.length; i++) pYes += prior[i] * likely[i];
        if (pYes <= 0 || pYes >= 1) return 0;
        double[] afterYes = new double[prior.length], afterNo = new double[prior.length];
        for (int i = 0; i < prior.length; i++) {
            afterYes[i] = prior[i] * likely[i] / pYes;
            afterNo[i] = prior[i] * (1 - likely[i]) / (1 - pYes);
        }
        double after = pYes * NextChecks.entropy(afterYes) + (1 - pYes) * NextChecks.entropy(afterNo);
        // to nine places: the order sums run in must never tip a ranking between equal checks
        return Math.rint((h0 - after) * 1e9) / 1e9;
    }
}
