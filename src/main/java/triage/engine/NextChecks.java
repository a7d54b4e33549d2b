package triage.engine;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import triage.knowledge.Knowledge;
import triage.knowledge.Runbook;
import triage.knowledge.Symptom;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search for the next checks. While no suspect stands (or the leading one is weak), the
 * seed runbooks' troubleshooting order, runbooks named in the text first. Otherwise, for every
 * unanswered symptom that a rule about a standing suspect reads, both answers are tried in the
 * live session (inserted, fired, then withdrawn, which truth maintenance undoes), and the symptom
 * is scored by how far the answers would move the suspects: the mean over yes and no of the total
 * change in certainty plus the change in the lead of the first suspect over the second.
 */
final class NextChecks {
    /** Symptoms tried per diagnosis at most; the ones bearing on the strongest suspects first. */
    private static final int MAX_CANDIDATES = 64;
    private static final int MAX_CHECKS = 3;
    private static final double MIN_CHECK_VALUE = 0.05;

    private NextChecks() {}

    /** While nothing stands, the seed's order: first the trees of runbooks the text named. */
    static List<Check> treeChecks(Knowledge k, Set<String> answered, Set<String> hints) {
        List<Runbook> order = new ArrayList<>();
        for (Runbook r : k.runbooks().values()) if (hints.contains(r.id())) order.add(r);
        for (Runbook r : k.runbooks().values()) if (!hints.contains(r.id())) order.add(r);
        List<Check> out = new ArrayList<>();
        for (Runbook r : order) {
            for (String id : r.tree()) {
                if (answered.contains(id) || out.stream().anyMatch(c -> c.id().equals(id))) continue;
                Symptom s = k.symptoms().get(id);
                out.add(new Check(s.id(), s.question(), s.how(), 0.0));
                break;  // one question a runbook: the next step of each tree
            }
            if (out.size() >= MAX_CHECKS) break;
        }
        return out;
    }

    static List<Check> separatingChecks(Rulebook rb, KieSession session, SessionTracker tracker, Map<String, Double> current,
                                         List<Cause> causes, Set<String> answered) {
        Knowledge k = rb.knowledge();
        Map<String, Integer> treeIndex = rb.treeIndex();
        // weight of a symptom: the confidence of every standing suspect some rule about it reads it for
        Map<String, Double> weight = new LinkedHashMap<>();
        for (Cause c : causes) {
            for (String s : rb.symptomsAbout(c.component())) {
                if (!answered.contains(s) && k.symptoms().containsKey(s)) weight.merge(s, c.confidence(), Double::sum);
            }
        }
        List<String> candidates = new ArrayList<>(weight.keySet());
        candidates.sort(Comparator.comparingDouble((String s) -> -weight.get(s))
                .thenComparingInt(s -> treeIndex.getOrDefault(s, Integer.MAX_VALUE)));
        List<Check> scored = new ArrayList<>();
        int tried = 0;
        for (String id : candidates) {
            if (tried++ >= MAX_CANDIDATES) break;
            // "yes", then the same fact turned to "no", then withdrawn; the withdrawal is settled
            // by the next candidate's firing (or never, at the last), which reads the same
            FactHandle h = session.insert(new Observation(id, true, "", Observation.HYPOTHESIS));
            double yes = movement(session, tracker, current);
            session.update(h, new Observation(id, false, "", Observation.HYPOTHESIS));
            double no = movement(session, tracker, current);
            session.delete(h);
            double value = (yes + no) / 2;
            if (value < MIN_CHECK_VALUE) continue;
            Symptom s = k.symptoms().get(id);
            scored.add(new Check(id, s.question(), s.how(), Diagnoser.round(value)));
        }
        scored.sort(Comparator.comparingDouble((Check c) -> -c.value())
                .thenComparingInt(c -> treeIndex.getOrDefault(c.id(), Integer.MAX_VALUE)));
        return scored.size() > MAX_CHECKS ? List.copyOf(scored.subList(0, MAX_CHECKS)) : scored;
    }

    /** Each symptom's place in the runbooks' trees: ties between checks go to the earlier. */
    static Map<String, Integer> treeIndex(Knowledge k) {
        Map<String, Integer> m = new HashMap<>();
        int i = 0;
        for (Runbook r : k.runbooks().values()) for (String s : r.tree()) m.putIfAbsent(s, i++);
        return m;
    }

    /** Fires what was just tried and says how far it moved the suspects from {@code before}. */
    private static double movement(KieSession session, SessionTracker tracker, Map<String, Double> before) {
        Diagnoser.fire(session);
        return movement(before, tracker.certainties());
    }

    /** How far an answer moves the suspects: total change in certainty plus change in the leader's margin. */
    static double movement(Map<String, Double> before, Map<String, Double> after) {
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        double total = 0;
        for (String id : ids) total += Math.abs(after.getOrDefault(id, 0.0) - before.getOrDefault(id, 0.0));
        // to nine places: the order the changes are summed in (which follows hash order) must
        // never tip a check's value across the rounding that ranks it (0.98999... against 0.99)
        return Math.rint((total + Math.abs(margin(after) - margin(before))) * 1e9) / 1e9;
    }

    private static double margin(Map<String, Double> cf) {
        double first = 0, second = 0;
        for (double v : cf.values()) {
            if (v > first) { second = first; first = v; }
            else if (v > second) second = v;
        }
        return first - second;
    }
}
