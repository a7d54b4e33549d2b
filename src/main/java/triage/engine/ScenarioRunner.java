package triage.engine;

import triage.knowledge.Scenario;
import triage.model.Cause;
import triage.model.Diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a rulebook's scenarios, the runbooks' own tests, through the same {@link Triage#answer}
 * path every channel takes (on the rulebook under test, before it is swapped in).
 */
public final class ScenarioRunner {
    /** One scenario's outcome: {@code failure} is null when it passed; {@code diagnosis} null if the rules threw. */
    public record Result(Scenario scenario, String failure, Diagnosis diagnosis) {
        public boolean passed() { return failure == null; }
    }

    private ScenarioRunner() {}

    public static Result run(Rulebook rb, Scenario s) {
        Said said = Said.texts(s.observations()).withdrawing(s.withdraw()).choosingChecks(s.expectNext() != null);
        Answer a;
        try {
            a = Triage.answerOn(rb, said);
        } catch (RuntimeException e) {
            return new Result(s, "the rules failed: " + e.getMessage(), null);
        }
        return new Result(s, judge(s, a.diagnosis(), a.unrecognized()), a.diagnosis());
    }

    private static String judge(Scenario s, Diagnosis d, List<String> unrecognized) {
        List<String> got = d.causes().stream().map(c -> c.component() + " " + c.confidence()).toList();
        Cause top = d.top();
        if (s.expectTop().isEmpty()) {
            if (top != null) return "expected no cause, got " + got;
        } else if (top == null || !s.expectTop().contains(top.component())) {
            return "expected top " + String.join(" or ", s.expectTop()) + ", got " + (got.isEmpty() ? "no cause" : got)
                    + (unrecognized.isEmpty() ? "" : " (not understood: " + unrecognized + ")");
        }
        for (String c : s.expectNotAmong()) {
            if (d.causes().stream().anyMatch(x -> x.component().equals(c))) return "expected " + c + " not among the causes, got " + got;
        }
        for (String c : s.expectRuledOut()) {
            if (d.ruledOut().stream().noneMatch(x -> x.component().equals(c))) return "expected " + c + " ruled out, it was not";
        }
        if (s.expectNext() != null) {
            String next = d.nextChecks().isEmpty() ? "nothing" : d.nextChecks().get(0).id();
            if (!s.expectNext().equals(next)) return "expected next check " + s.expectNext() + ", got " + next;
        }
        return null;
    }

    /** How long one scenario may take before the set is rejected with the rule it is stuck in. */
    static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(30);

    /**
     * Every scenario, each on a worker thread under {@link #DEADLINE}: a rule whose action never
     * returns fails its scenario (naming the rule) and ends the run; the worker is abandoned, since
     * nothing can stop it, and the set is never served.
     */
    public static List<Result> runAll(Rulebook rb) {
        List<Result> out = new ArrayList<>();
        try (Watchdog watchdog = new Watchdog(DEADLINE, 1, "scenario")) {
            for (Scenario s : rb.knowledge().scenarios()) {
                try {
                    out.add(watchdog.call(() -> run(rb, s), rb, "scenario '" + s.name() + "'"));
                } catch (RulesStuck e) {
                    out.add(new Result(s, e.getMessage(), null));
                    break;
                }
            }
        }
        return out;
    }

    /** Every failing scenario as {@code file: name: why}. */
    public static List<String> failures(Rulebook rb) {
        List<String> out = new ArrayList<>();
        for (Result r : runAll(rb)) {
            if (!r.passed()) out.add("knowledge/scenarios/" + r.scenario().file() + ": " + r.scenario().name() + ": " + r.failure());
        }
        return out;
    }
}
