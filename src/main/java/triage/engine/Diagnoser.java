package triage.engine;

import com.github.benmanes.caffeine.cache.Cache;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import triage.knowledge.Component;
import triage.knowledge.Knowledge;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Evidence;
import triage.model.Mentioned;
import triage.model.Observation;
import triage.model.RuleRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fires a rulebook on observations and turns what the rules concluded into a ranked,
 * explained diagnosis with the checks that best split the suspects still standing
 * ({@link NextChecks}). While no suspect stands, or the leading suspicion is weak (at most
 * {@value #WEAK}), the seed runbooks' troubleshooting order is asked, since a vague complaint
 * should not pull the questions away from the seed's order.
 */
public final class Diagnoser {
    /** A rule set that loops is stopped here rather than hanging a request. */
    static final int MAX_FIRINGS = 10_000;
    /** Rules still firing after this long are halted between firings (a loop that re-fires slowly). */
    static final java.time.Duration FIRING_DEADLINE = java.time.Duration.ofSeconds(5);
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
        return run(rb, observations, withdrawn, runbookHints, withChecks).diagnosis(observations, unrecognized);
    }

    /**
     * As {@link #diagnose} without withdrawn observations, remembering the outcome in
     * {@code outcomes} (kept for this rulebook's revision): a diagnosis follows from the symptoms,
     * their answers and sources and the runbook hints alone (the words only show in
     * {@code understood}, unless a rule reads them), and in an outage many people report the same things.
     */
    Diagnosis remembered(Rulebook rb, Cache<Outcome.Key, Outcome> outcomes, List<Observation> observations,
                         Set<String> runbookHints, List<String> unrecognized) {
        Outcome.Key key = Outcome.Key.of(observations, runbookHints, rb.rulesReadText());
        Outcome o = outcomes.getIfPresent(key);
        if (o == null) {
            o = run(rb, observations, List.of(), runbookHints, true);
            outcomes.put(key, o);
        }
        return o.diagnosis(observations, unrecognized);
    }

    private Outcome run(Rulebook rb, List<Observation> observations, List<Observation> withdrawn, Set<String> runbookHints,
                        boolean withChecks) {
        KieSession session = rb.kieBase().newKieSession();
        SessionTracker tracker = new SessionTracker(rb);
        tracker.deadline = System.nanoTime() + FIRING_DEADLINE.toNanos();
        session.addEventListener((RuleRuntimeEventListener) tracker);
        session.addEventListener(tracker.agenda);
        try {
            for (Observation o : observations) session.insert(o);
            for (String r : runbookHints) session.insert(new Mentioned(r));
            List<FactHandle> toWithdraw = new ArrayList<>();
            for (Observation o : withdrawn) toWithdraw.add(session.insert(o));
            fire(session, tracker);
            if (!toWithdraw.isEmpty()) {
                toWithdraw.forEach(session::delete);
                fire(session, tracker);
            }
            Map<String, Double> current = tracker.certainties();
            List<Cause> causes = new ArrayList<>();
            List<Cause> ruledOut = new ArrayList<>();
            rank(rb, tracker, causes, ruledOut);

            Set<String> answered = new LinkedHashSet<>();
            for (Observation o : observations) answered.add(o.getSymptom());
            answered.addAll(tracker.inferred.keySet());
            List<Observation> inferred = List.copyOf(tracker.inferred.values());
            List<Diagnosis.Firing> firings = List.copyOf(tracker.firings);

            tracker.recording = false;
            session.removeEventListener(tracker.agenda);  // only evidence is watched from here on
            List<Check> checks = List.of();
            if (!withChecks) return new Outcome(causes, ruledOut, checks, inferred, firings);
            if (causes.isEmpty() || causes.get(0).confidence() <= WEAK) {
                checks = NextChecks.treeChecks(rb.knowledge(), answered, runbookHints);
            }
            if (checks.isEmpty() && !causes.isEmpty()) {
                checks = NextChecks.separatingChecks(rb, session, tracker, current, causes, answered);
            }
            return new Outcome(causes, ruledOut, checks, inferred, firings);
        } finally {
            session.dispose();
        }
    }

    private static void fire(KieSession session, SessionTracker tracker) {
        fire(session);
        if (tracker.haltedAt != null) {
            throw new RulesStuck("rules kept firing for over " + FIRING_DEADLINE.toMillis() + " ms; halted before "
                    + tracker.haltedAt);
        }
    }

    static void fire(KieSession session) {
        int n = session.fireAllRules(MAX_FIRINGS);
        if (n >= MAX_FIRINGS) throw new IllegalStateException("rules fired " + n + " times without settling: a rule loops");
    }

    private static void rank(Rulebook rb, SessionTracker tracker, List<Cause> causes, List<Cause> ruledOut) {
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
                SessionTracker.Provenance p = tracker.provenance.get(e);
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
}
