package triage.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;
import triage.knowledge.Symptom;
import triage.model.Diagnosis;
import triage.model.Evidence;
import triage.model.Observation;
import triage.model.RuleRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Watches a session: which rule inserted what, on which observations, and what is live now. */
final class SessionTracker implements RuleRuntimeEventListener {
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

    /** System.nanoTime after which the session is halted between firings. */
    long deadline = Long.MAX_VALUE;
    /** The rule that was about to fire when the deadline passed; null while within it. */
    String haltedAt;

    final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
        @Override public void beforeMatchFired(BeforeMatchFiredEvent event) {
            if (haltedAt == null && System.nanoTime() - deadline > 0) {
                RuleRef r = ref(event.getMatch());
                haltedAt = (r.file() == null ? "" : r.file() + ":" + r.line() + ": ") + "rule '" + r.name() + "'";
                event.getKieRuntime().halt();
            }
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

    SessionTracker(Rulebook rb) { this.rb = rb; }

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
                concluded.add(e.getComponent() + (e.getCertainty() > 0 ? " +" : " ") + Diagnoser.round(e.getCertainty()));
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

    /** Each component's combined certainty in [-1, 1], evidence against included; -1 when ruled out. */
    Map<String, Double> signedCertainties() {
        Map<String, List<Double>> by = new HashMap<>();
        Set<String> out = new HashSet<>();
        for (Evidence e : live) {
            by.computeIfAbsent(e.getComponent(), c -> new ArrayList<>()).add(e.getCertainty());
            if (e.isRuleOut()) out.add(e.getComponent());
        }
        Map<String, Double> cf = new HashMap<>();
        for (Map.Entry<String, List<Double>> en : by.entrySet()) {
            cf.put(en.getKey(), out.contains(en.getKey()) ? -1.0 : Certainty.combine(en.getValue()));
        }
        return cf;
    }

    /** Each component's combined certainty where it is above 0 (ruled out and contradicted ones left out). */
    Map<String, Double> certainties() {
        Map<String, Double> cf = new HashMap<>();
        signedCertainties().forEach((component, v) -> { if (v > 0) cf.put(component, v); });
        return cf;
    }
}
