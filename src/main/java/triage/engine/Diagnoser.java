package triage.engine;

import com.github.benmanes.caffeine.cache.Cache;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import triage.knowledge.Component;
import triage.knowledge.Knowledge;
import triage.knowledge.Symptom;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Evidence;
import triage.model.Mentioned;
import triage.model.Observation;
import triage.model.Remedy;
import triage.model.RuleRef;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fires a rulebook on observations and turns what the rules concluded into a ranked,
 * explained diagnosis with the checks worth asking next ({@link NextChecks}), within the
 * conversation's {@link Scope} (its stacks): other stacks' rules do not fire. While no suspect
 * stands, the seed runbooks' troubleshooting order is asked.
 *
 * <p>A diagnosis <em>settles</em> on its first cause when that cause's certainty is at least
 * {@value #SETTLED}, it leads the next by at least {@value #LEAD}, and one of the cause's own
 * checks ({@code confirm} in components.yaml: its health, its logs) has been answered; while
 * none has and one can be asked, that check is asked first. When nothing bearing on the suspects
 * is left to ask, {@value #STANDS} does instead of {@value #SETTLED}; it settles too when nothing
 * at all is left to ask. Either way not on one answer alone ({@link Corroboration}). Stated confidence is the
 * certainty put on the scale of {@link Confidence}.
 */
public final class Diagnoser {
    /** A rule set that loops is stopped here rather than hanging a request. */
    static final int MAX_FIRINGS = 10_000;
    /** Rules still firing after this long are halted between firings (a loop that re-fires slowly). */
    static final java.time.Duration FIRING_DEADLINE = java.time.Duration.ofSeconds(5);
    /** Certainty a cause needs to settle on. */
    static final double SETTLED = 0.8;
    /** Lead over the next cause a cause needs to settle on. */
    static final double LEAD = 0.25;
    /**
     * Certainty a leader needs to settle on when nothing bearing on the suspects is left to ask (with
     * its lead and its own check, as at {@link #SETTLED}); below it the seed's order is asked again.
     */
    static final double STANDS = 0.7;
    /** At or below this certainty the seed's troubleshooting order goes first (0: only while no suspect stands). */
    static final double WEAK = 0.0;

    /** At or below this certainty of the first cause, what the first message ruled out is asked for real first. */
    static final double CLEARED = 0.3;

    /** Diagnoses {@code observations}; {@code withdrawn} are inserted, fired, then taken back. */
    public Diagnosis diagnose(Rulebook rb, List<Observation> observations, List<Observation> withdrawn,
                              Set<String> runbookHints, List<String> unrecognized) {
        return diagnose(rb, observations, withdrawn, runbookHints, unrecognized, true);
    }

    /** As above; without {@code withChecks} no next check is chosen, which is most of the cost. */
    public Diagnosis diagnose(Rulebook rb, List<Observation> observations, List<Observation> withdrawn,
                              Set<String> runbookHints, List<String> unrecognized, boolean withChecks) {
        Set<String> seen = new LinkedHashSet<>();
        for (Observation o : observations) seen.add(o.getSymptom());
        return diagnose(rb, observations, withdrawn, runbookHints, rb.runbooksOn(Set.of(), runbookHints, Set.of(), seen),
                Set.of(), Set.of(), null, unrecognized, withChecks);
    }

    /**
     * As above, kept to the runbooks {@code onRunbooks} (null: all); questions in {@code setAside}
     * come again only when nothing better is left, and never {@code notNow} (the one just set aside);
     * those in {@code rechecked} were asked a second time already.
     */
    Diagnosis diagnose(Rulebook rb, List<Observation> observations, List<Observation> withdrawn, Set<String> runbookHints,
                       Set<String> onRunbooks, Set<String> setAside, Set<String> rechecked, String notNow,
                       List<String> unrecognized, boolean withChecks) {
        return run(rb, observations, withdrawn, runbookHints, rb.scope(onRunbooks), Asking.of(setAside, rechecked, notNow),
                withChecks).diagnosis(observations, unrecognized);
    }

    /** How the rules are fired: directly, or on a worker under a deadline ({@link Watchdog}). */
    interface Guard {
        Guard NONE = Callable::call;

        <T> T call(Callable<T> firing) throws Exception;
    }

    /**
     * As {@link #diagnose} without withdrawn observations, remembering the outcome in
     * {@code outcomes} (kept for this rulebook's revision): a diagnosis follows from the symptoms,
     * their answers and sources, the runbook hints, the scope and what was set aside alone (the
     * words only show in {@code understood}, unless a rule reads them), and in an outage many
     * people report the same things.
     */
    Diagnosis remembered(Rulebook rb, Cache<Outcome.Key, Outcome> outcomes, List<Observation> observations,
                         Set<String> runbookHints, Set<String> onRunbooks, Set<String> setAside, Set<String> rechecked,
                         String notNow, List<String> unrecognized, Guard guard) throws Exception {
        Scope scope = rb.scope(onRunbooks);
        Asking asking = Asking.of(setAside, rechecked, notNow);
        Outcome.Key key = Outcome.Key.of(observations, runbookHints, scope.runbooks(), asking.keyed(), rb.rulesReadText());
        Outcome o = outcomes.getIfPresent(key);
        if (o == null) {
            o = guard.call(() -> run(rb, observations, List.of(), runbookHints, scope, asking, true));
            outcomes.put(key, o);
        }
        return o.diagnosis(observations, unrecognized);
    }

    private Outcome run(Rulebook rb, List<Observation> observations, List<Observation> withdrawn, Set<String> runbookHints,
                        Scope scope, Asking asking, boolean withChecks) {
        Set<String> setAside = asking.setAside();
        KieSession session = rb.kieBase().newKieSession();
        SessionTracker tracker = new SessionTracker(rb);
        tracker.deadline = System.nanoTime() + FIRING_DEADLINE.toNanos();
        session.addEventListener((RuleRuntimeEventListener) tracker);
        session.addEventListener(tracker.agenda);
        try {
            List<FactHandle> handles = new ArrayList<>(), toWithdraw = new ArrayList<>();
            for (Observation o : observations) handles.add(session.insert(o));
            for (String r : runbookHints) session.insert(new Mentioned(r));
            for (Observation o : withdrawn) toWithdraw.add(session.insert(o));
            fire(session, scope, tracker);
            if (!toWithdraw.isEmpty()) {
                toWithdraw.forEach(session::delete);
                fire(session, scope, tracker);
            }
            Map<String, Double> current = tracker.certainties();
            List<Cause> causes = new ArrayList<>();
            List<Cause> ruledOut = new ArrayList<>();
            rank(rb, tracker, causes, ruledOut);

            Set<String> said = new LinkedHashSet<>();
            for (Observation o : observations) said.add(o.getSymptom());
            Set<String> answered = new LinkedHashSet<>(said);
            answered.addAll(tracker.inferred.keySet());
            List<Observation> inferred = List.copyOf(tracker.inferred.values());
            List<Diagnosis.Firing> firings = List.copyOf(tracker.firings);

            tracker.recording = false;
            session.removeEventListener(tracker.agenda);  // only evidence is watched from here on
            List<Check> checks = List.of();
            if (!withChecks) return new Outcome(causes, ruledOut, checks, inferred, firings, null);
            Confirmation confirm = Confirmation.of(rb, causes, current, observations, setAside, scope, SETTLED, LEAD);
            String top = causes.isEmpty() ? null : causes.get(0).component();
            double lead = top == null ? 0.0 : current.getOrDefault(top, 0.0);
            // two answers to one question just contradicted each other: a third decides, when the question does
            Check challenger = TieBreak.needed(rb, session, tracker, scope, asking, observations);
            if (challenger == null && confirm.settles()) {
                challenger = Restated.challenger(rb, session, tracker, scope, answered, asking, observations, handles, top);
            }
            if (challenger != null) {
                // one answer could still put another cause first: ask it before settling
                checks = List.of(challenger);
                confirm = new Confirmation(false, challenger);
            } else if (confirm.check() != null) {
                checks = List.of(confirm.check());
            } else {
                // no suspect: the seed's order (which also asks what the person can see first), then
                // what tells most about every component of the stack, per unit of effort
                if (lead <= CLEARED) {
                    Check cleared = Restated.cleared(rb, session, tracker, scope, asking, observations, handles);
                    if (cleared != null) checks = List.of(cleared);
                }
                if (lead <= WEAK && checks.isEmpty()) checks = NextChecks.treeChecks(rb.knowledge(), answered, runbookHints, scope, asking, false);
                if (lead <= WEAK && checks.isEmpty()) checks = OpenChecks.best(rb, session, tracker, scope, answered, asking);
                if (checks.isEmpty() && top != null) checks = NextChecks.valueChecks(rb, session, tracker, scope, answered, asking);
                // nothing bearing on the suspects is left: a leader that stands clear of the rest is
                // settled on once its own check confirms it (what the tree asks next could only raise
                // new suspects); a weaker one sends the questions back to the seed's order
                Confirmation own = checks.isEmpty() && lead >= STANDS
                        ? Confirmation.of(rb, causes, current, observations, setAside, scope, STANDS, LEAD) : null;
                if (own != null && own.check() != null) checks = List.of(own.check());
                else if (checks.isEmpty() && (own == null || !own.settles()) && lead < SETTLED) {
                    // the suspects are spent: what tells most about the whole stack, the seeds' order after it
                    checks = OpenChecks.best(rb, session, tracker, scope, answered, asking);
                    if (checks.isEmpty()) {
                        checks = NextChecks.treeChecks(rb.knowledge(), answered, runbookHints, scope, asking, causes.isEmpty());
                    }
                }
            }
            if (top != null && challenger == null && checks.isEmpty()) {
                // nothing left to ask: what only the opening said is made for real before settling on it
                Check stated = Restated.stated(rb, session, tracker, scope, asking, observations, handles, top);
                if (stated != null) checks = List.of(stated);
            }
            if (top != null && challenger == null && (confirm.settles() || checks.isEmpty())) {
                // about to settle (confirmed, or nothing left to ask): not on one answer alone
                Check more = Corroboration.needed(rb, session, tracker, scope, answered, asking, observations, handles, top);
                if (more != null) confirm = new Confirmation(false, (checks = List.of(more)).get(0));
            }
            // what only says that something is wrong names no component on its own: the checks are asked, no cause named
            if (!observations.isEmpty() && observations.stream().allMatch(o -> vague(rb.knowledge(), o))) {
                return new Outcome(List.of(), ruledOut, checks, inferred, firings, null);
            }
            Remedy remedy = causes.isEmpty() || !(confirm.settles() || checks.isEmpty()) ? null
                    : remedy(rb.knowledge(), causes.get(0));
            return new Outcome(causes, ruledOut, checks, inferred, firings, remedy);
        } finally {
            session.dispose();
        }
    }

    private static boolean vague(Knowledge k, Observation o) {
        Symptom s = k.symptoms().get(o.getSymptom());
        return s != null && s.isVague();
    }

    private static Remedy remedy(Knowledge k, Cause top) {
        Component c = k.components().get(top.component());
        if (c == null) return new Remedy(top.component(), top.title(), List.of(), null);
        List<String> steps = c.remedies().isEmpty() && c.nextStep() != null ? List.of(c.nextStep()) : c.remedies();
        return new Remedy(c.id(), c.title(), steps, c.remedySource());
    }

    private static void fire(KieSession session, Scope scope, SessionTracker tracker) {
        fire(session, scope);
        if (tracker.haltedAt != null) {
            throw new RulesStuck("rules kept firing for over " + FIRING_DEADLINE.toMillis() + " ms; halted before "
                    + tracker.haltedAt);
        }
    }

    static void fire(KieSession session, Scope scope) {
        int n = scope == null || scope.filter() == null ? session.fireAllRules(MAX_FIRINGS)
                : session.fireAllRules(scope.filter(), MAX_FIRINGS);
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
            Cause cause = new Cause(id, c == null ? id : c.name(), c == null ? id : c.title(),
                    round(Confidence.stated(Math.max(cf, 0))),
                    because, against,
                    lead == null ? null : lead.runbook(), lead == null ? null : lead.name(), rules,
                    c == null ? null : c.role(), c == null ? null : c.nextStep());
            if (out) ruledOut.add(cause);
            else if (cf > 0) causes.add(cause);
        }
        Map<String, Double> certainty = tracker.certainties();
        Comparator<Cause> byConfidence = Comparator.comparingDouble((Cause c) -> -round(certainty.getOrDefault(c.component(), 0.0)))
                .thenComparingInt(c -> rb.componentOrder(c.component()));
        causes.sort(byConfidence);
        ruledOut.sort(Comparator.comparingInt(c -> rb.componentOrder(c.component())));
    }

    static double round(double v) { return Math.round(v * 100.0) / 100.0; }
}
