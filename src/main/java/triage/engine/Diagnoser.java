package triage.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import triage.knowledge.Component;
import triage.knowledge.Knowledge;
import triage.knowledge.Runbook;
import triage.knowledge.Symptom;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Evidence;
import triage.model.Mentioned;
import triage.model.Observation;
import triage.model.RuleRef;
import triage.model.Understood;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fires a rulebook on observations and turns what the rules concluded into a ranked,
 * explained diagnosis with the checks that best split the suspects still standing.
 *
 * <p>Next checks are computed, not listed: for every unanswered symptom that a rule about a
 * standing suspect reads, both answers are tried in the live session (inserted, fired, then
 * withdrawn, which truth maintenance undoes), and the symptom is scored by how far the answers
 * would move the suspects: the mean over yes and no of the total change in certainty plus the
 * change in the lead of the first suspect over the second. While no suspect stands, the seed
 * runbooks' troubleshooting order is asked instead, runbooks named in the text first; so it is
 * while the leading suspicion is weak (at most {@value #WEAK}), since a vague complaint should
 * not pull the questions away from the seed's order.
 */
public final class Diagnoser {
    /** A rule set that loops is stopped here rather than hanging a request. */
    static final int MAX_FIRINGS = 10_000;
    /** Symptoms tried per diagnosis at most; the ones bearing on the strongest suspects first. */
    private static final int MAX_CANDIDATES = 64;
    private static final int MAX_CHECKS = 3;
    private static final double MIN_CHECK_VALUE = 0.05;
    /** At or below this, a suspicion is too weak to steer: the seed's troubleshooting order goes first. */
    static final double WEAK = 0.3;

    /** Diagnoses {@code observations}; {@code withdrawn} are inserted, fired, then taken back. */
    public Diagnosis diagnose(Rulebook rb, List<Observation> observations, List<Observation> withdrawn,
                              Set<String> runbookHints, List<String> unrecognized) {
        return diagnose(rb, observations, withdrawn, runbookHints, unrecognized, true);
    }

    /** As above; without {@code withChecks} no next check is chosen, which is most of the cost. */
    public Diagnosis diagnose(Rulebook rb, List<Observation> observations, List<Observation> withdrawn,
                              Set<String> runbookHints, List<String> unrecognized, boolean withChecks) {
        return run(rb, observations, withdrawn, runbookHints, withChecks).diagnosis(rb.knowledge(), observations, unrecognized);
    }

    /**
     * As {@link #diagnose} without withdrawn observations, remembering the outcome in the rule
     * book: a diagnosis follows from the symptoms, their answers and sources and the runbook hints
     * alone (the words only show in {@code understood}, unless a rule reads them), and in an
     * outage many people report the same things.
     */
    Diagnosis remembered(Rulebook rb, List<Observation> observations, Set<String> runbookHints,
                         List<String> unrecognized) {
        Outcome.Key key = Outcome.Key.of(observations, runbookHints, rb.rulesReadText());
        Outcome o = rb.outcomes().get(key);
        if (o == null) {
            o = run(rb, observations, List.of(), runbookHints, true);
            rb.outcomes().put(key, o);
        }
        return o.diagnosis(rb.knowledge(), observations, unrecognized);
    }

    /** What the rules made of some observations, apart from the words they were said in. Immutable. */
    record Outcome(List<Cause> causes, List<Cause> ruledOut, List<Check> checks, List<Understood> inferred,
                   List<Diagnosis.Firing> firings) {
        record Key(List<Object> observations, List<String> hints) {
            static Key of(List<Observation> observations, Set<String> hints, boolean withText) {
                List<Object> k = new ArrayList<>(observations.size() * 4);
                for (Observation o : observations) {
                    k.add(o.getSymptom());
                    k.add(o.isPresent());
                    k.add(o.getSource());
                    if (withText) k.add(o.getText());
                }
                return new Key(k, List.copyOf(hints));
            }
        }

        Outcome {
            causes = frozen(causes);
            ruledOut = frozen(ruledOut);
            checks = List.copyOf(checks);
            inferred = List.copyOf(inferred);
            firings = firings.stream().map(f -> new Diagnosis.Firing(f.rule(), f.runbook(), List.copyOf(f.on()), f.concluded()))
                    .toList();
        }

        private static List<Cause> frozen(List<Cause> causes) {
            return causes.stream().map(c -> new Cause(c.component(), c.name(), c.title(), c.confidence(),
                    List.copyOf(c.because()), List.copyOf(c.against()), c.runbook(), c.rule(), List.copyOf(c.rules()),
                    c.role(), c.nextStep())).toList();
        }

        Diagnosis diagnosis(Knowledge k, List<Observation> observations, List<String> unrecognized) {
            List<Understood> understood = new ArrayList<>();
            for (Observation o : observations) understood.add(Understood.of(o, label(k, o)));
            understood.addAll(inferred);
            return new Diagnosis(new ArrayList<>(causes), new ArrayList<>(ruledOut), new ArrayList<>(checks), understood,
                    List.copyOf(unrecognized), firings);
        }
    }

    private Outcome run(Rulebook rb, List<Observation> observations, List<Observation> withdrawn, Set<String> runbookHints,
                        boolean withChecks) {
        KieSession session = rb.kieBase().newKieSession();
        Tracker tracker = new Tracker(rb);
        session.addEventListener((RuleRuntimeEventListener) tracker);
        session.addEventListener(tracker.agenda);
        try {
            for (Observation o : observations) session.insert(o);
            for (String r : runbookHints) session.insert(new Mentioned(r));
            List<FactHandle> toWithdraw = new ArrayList<>();
            for (Observation o : withdrawn) toWithdraw.add(session.insert(o));
            fire(session);
            if (!toWithdraw.isEmpty()) {
                toWithdraw.forEach(session::delete);
                fire(session);
            }
            Map<String, Double> current = tracker.certainties();
            List<Cause> causes = new ArrayList<>();
            List<Cause> ruledOut = new ArrayList<>();
            rank(rb, tracker, causes, ruledOut);

            Set<String> answered = new LinkedHashSet<>();
            for (Observation o : observations) answered.add(o.getSymptom());
            answered.addAll(tracker.inferred.keySet());
            List<Understood> inferred = new ArrayList<>();
            for (Observation o : tracker.inferred.values()) inferred.add(Understood.of(o, label(rb.knowledge(), o)));
            List<Diagnosis.Firing> firings = List.copyOf(tracker.firings);

            tracker.recording = false;
            session.removeEventListener(tracker.agenda);  // only evidence is watched from here on
            List<Check> checks = List.of();
            if (!withChecks) return new Outcome(causes, ruledOut, checks, inferred, firings);
            if (causes.isEmpty() || causes.get(0).confidence() <= WEAK) {
                checks = treeChecks(rb.knowledge(), answered, runbookHints);
            }
            if (checks.isEmpty() && !causes.isEmpty()) {
                checks = separatingChecks(rb, session, tracker, current, causes, answered);
            }
            return new Outcome(causes, ruledOut, checks, inferred, firings);
        } finally {
            session.dispose();
        }
    }

    private static void fire(KieSession session) {
        int n = session.fireAllRules(MAX_FIRINGS);
        if (n >= MAX_FIRINGS) throw new IllegalStateException("rules fired " + n + " times without settling: a rule loops");
    }

    private static void rank(Rulebook rb, Tracker tracker, List<Cause> causes, List<Cause> ruledOut) {
        Knowledge k = rb.knowledge();
        Map<String, List<Evidence>> byComponent = new LinkedHashMap<>();
        for (Evidence e : tracker.live) byComponent.computeIfAbsent(e.getComponent(), c -> new ArrayList<>()).add(e);
        for (Map.Entry<String, List<Evidence>> entry : byComponent.entrySet()) {
            String id = entry.getKey();
            List<Evidence> ev = new ArrayList<>(entry.getValue());
            ev.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.getCertainty())));
            boolean out = ev.stream().anyMatch(Evidence::isRuleOut);
            double cf = out ? -1.0 : Certainty.combine(ev.stream().map(Evidence::getCertainty).toList());
            List<String> because = new ArrayList<>(), against = new ArrayList<>();
            List<RuleRef> rules = new ArrayList<>();
            RuleRef lead = null;
            for (Evidence e : ev) {
                Tracker.Provenance p = tracker.provenance.get(e);
                if (p == null) continue;
                if (!rules.contains(p.rule())) rules.add(p.rule());
                List<String> into = e.getCertainty() > 0 ? because : against;
                for (String label : p.labels()) if (!into.contains(label)) into.add(label);
                if (lead == null && (out ? e.isRuleOut() : e.getCertainty() > 0)) lead = p.rule();
            }
            if (lead == null && !rules.isEmpty()) lead = rules.get(0);
            Component c = k.components().get(id);
            Cause cause = new Cause(id, c == null ? id : c.name(), c == null ? id : c.title(), round(Math.max(cf, 0)),
                    because, against,
                    lead == null ? null : lead.runbook(), lead == null ? null : lead.name(), rules,
                    c == null ? null : c.role(), c == null ? null : c.nextStep());
            if (out) ruledOut.add(cause);
            else if (cf > 0) causes.add(cause);
        }
        Comparator<Cause> byConfidence = Comparator.comparingDouble((Cause c) -> -c.confidence())
                .thenComparingInt(c -> rb.componentOrder(c.component()));
        causes.sort(byConfidence);
        ruledOut.sort(Comparator.comparingInt(c -> rb.componentOrder(c.component())));
    }

    static double round(double v) { return Math.round(v * 100.0) / 100.0; }

    /** An observation in words: the symptom's label for its polarity. */
    public static String label(Knowledge k, Observation o) {
        Symptom s = k.symptoms().get(o.getSymptom());
        return s == null ? o.getSymptom() + (o.isPresent() ? " present" : " absent") : s.label(o.isPresent());
    }

    /** While nothing stands, the seed's order: first the trees of runbooks the text named. */
    private static List<Check> treeChecks(Knowledge k, Set<String> answered, Set<String> hints) {
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

    private List<Check> separatingChecks(Rulebook rb, KieSession session, Tracker tracker, Map<String, Double> current,
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
            scored.add(new Check(id, s.question(), s.how(), round(value)));
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
    private static double movement(KieSession session, Tracker tracker, Map<String, Double> before) {
        fire(session);
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

    /** Watches the session: which rule inserted what, on which observations, and what is live now. */
    private static final class Tracker implements RuleRuntimeEventListener {
        record Provenance(RuleRef rule, List<String> labels) {}

        private final Rulebook rb;
        // Evidence has identity equality: a LinkedHashSet is an identity set that iterates in
        // insertion order, so ties between equally strong evidence always rank the same way
        // (an IdentityHashMap iterated in identity-hash order, which differs from run to run).
        final Set<Evidence> live = new LinkedHashSet<>();
        final Map<Evidence, Provenance> provenance = new IdentityHashMap<>();
        final Map<String, Observation> inferred = new LinkedHashMap<>();
        final List<Diagnosis.Firing> firings = new ArrayList<>();
        boolean recording = true;
        private Match firing;
        private final List<String> concluded = new ArrayList<>();

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override public void beforeMatchFired(BeforeMatchFiredEvent event) {
                firing = event.getMatch();
                if (recording) concluded.clear();
            }

            @Override public void afterMatchFired(AfterMatchFiredEvent event) {
                if (recording) {
                    RuleRef ref = ref(event.getMatch());
                    firings.add(new Diagnosis.Firing(ref.name(), ref.runbook(), labels(event.getMatch()),
                            String.join(", ", concluded)));
                }
                firing = null;
            }
        };

        Tracker(Rulebook rb) { this.rb = rb; }

        private RuleRef ref(Match m) {
            RuleInfo info = rb.rules().get(m.getRule().getName());
            return info != null ? info.ref() : new RuleRef(m.getRule().getName(), null, null, 0, null);
        }

        private List<String> labels(Match m) {
            List<String> out = new ArrayList<>();
            for (Object o : m.getObjects()) {
                if (o instanceof Observation obs) {
                    Symptom s = rb.knowledge().symptoms().get(obs.getSymptom());
                    String label = s == null ? obs.toString() : s.label(obs.isPresent());
                    // say where a measurement came from: it weighs like a person's word, but it is not one
                    out.add(Observation.PROBE.equals(obs.getSource()) ? label + " (live check)" : label);
                }
            }
            return out;
        }

        @Override public void objectInserted(ObjectInsertedEvent event) {
            Object o = event.getObject();
            if (o instanceof Evidence e) {
                live.add(e);
                // while answers are only tried out, nothing but the live certainties is read: the
                // diagnosis was ranked before, so no provenance or trace is built for them
                if (firing != null && recording) {
                    provenance.put(e, new Provenance(ref(firing), labels(firing)));
                    concluded.add(e.getComponent() + (e.getCertainty() > 0 ? " +" : " ") + round(e.getCertainty()));
                }
            } else if (recording && o instanceof Observation obs && Observation.INFERRED.equals(obs.getSource())) {
                inferred.put(obs.getSymptom(), obs);
                concluded.add(obs.getSymptom() + (obs.isPresent() ? " present" : " absent"));
            }
        }

        @Override public void objectDeleted(ObjectDeletedEvent event) {
            Object o = event.getOldObject();
            if (o instanceof Evidence e) {
                live.remove(e);
                provenance.remove(e);
            } else if (o instanceof Observation obs && recording && Observation.INFERRED.equals(obs.getSource())) {
                inferred.remove(obs.getSymptom(), obs);
            }
        }

        @Override public void objectUpdated(ObjectUpdatedEvent event) {}

        Map<String, Double> certainties() {
            Map<String, List<Double>> by = new HashMap<>();
            Set<String> out = new java.util.HashSet<>();
            for (Evidence e : live) {
                by.computeIfAbsent(e.getComponent(), c -> new ArrayList<>()).add(e.getCertainty());
                if (e.isRuleOut()) out.add(e.getComponent());
            }
            Map<String, Double> cf = new HashMap<>();
            for (Map.Entry<String, List<Double>> en : by.entrySet()) {
                double v = out.contains(en.getKey()) ? 0.0 : Math.max(0.0, Certainty.combine(en.getValue()));
                if (v > 0) cf.put(en.getKey(), v);
            }
            return cf;
        }
    }
}
