package triage.engine;

import triage.knowledge.Component;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Observation;
import triage.knowledge.Symptom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a diagnosis may settle on its first cause: strong enough and clear of the next, and
 * confirmed by one of the cause's own checks ({@code confirm} in components.yaml: its health,
 * its logs) made after the suspicion arose; while none has been and one can be asked, that
 * check is the one to ask.
 */
record Confirmation(boolean settles, Check check) {
    /**
     * Whether the first cause is strong enough to settle on, and if so whether its own check
     * confirms it: settled when one of its checks was answered (or none can be asked); else the
     * cheapest such check to ask now.
     */
    static Confirmation of(Rulebook rb, List<Cause> causes, Map<String, Double> cf, List<Observation> observations,
                           Set<String> setAside, Scope scope, double settled, double lead) {
        if (causes.isEmpty()) return new Confirmation(false, null);
        String top = causes.get(0).component();
        double first = cf.getOrDefault(top, 0.0);
        double second = causes.size() > 1 ? cf.getOrDefault(causes.get(1).component(), 0.0) : 0.0;
        if (first < settled || first - second < lead) return new Confirmation(false, null);
        Component c = rb.knowledge().components().get(top);
        if (c == null) return new Confirmation(true, null);
        Map<String, Observation> said = new LinkedHashMap<>();
        java.util.function.Predicate<Observation> opening = Asking.opening(observations);
        for (Observation o : observations) said.put(o.getSymptom(), o);
        Symptom cheapest = null, stated = null;
        for (String id : c.confirm()) {
            Observation o = said.get(id);
            Symptom s = rb.knowledge().symptoms().get(id);
            // a check confirms when it was made after the suspicion arose (answered, measured live,
            // or said in a later message) and found the cause's sign (its health failing, its
            // fault seen): what the first message said is what raised it, and a check that found
            // it healthy confirms nothing, so another of its checks is made if one is left
            if (o != null && !opening.test(o)) {
                if (s == null || o.isPresent() != s.good()) return new Confirmation(true, null);
                continue;
            }
            if (s == null || setAside.contains(id) || !scope.reads().contains(id)) continue;
            if (o != null) {
                if (stated == null || s.effortRank() < stated.effortRank()) stated = s;
            } else if (cheapest == null || s.effortRank() < cheapest.effortRank()) {
                cheapest = s;
            }
        }
        // a check only said in passing is made for real ("how": the logs, the command) when no other is left
        if (cheapest == null) cheapest = stated;
        if (cheapest == null) return new Confirmation(true, null);  // all made: the certainty weighed them
        return new Confirmation(false, new Check(cheapest.id(), cheapest.question(), cheapest.how(), 0.0));
    }
}
