package triage.engine;

import triage.knowledge.Scenario;
import triage.language.Interpretation;
import triage.model.Cause;
import triage.model.Diagnosis;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.List;

/** Runs a rulebook's scenarios, the runbooks' own tests. */
public final class ScenarioRunner {
    /** One scenario's outcome: {@code failure} is null when it passed; {@code diagnosis} null if the rules threw. */
    public record Result(Scenario scenario, String failure, Diagnosis diagnosis) {
        public boolean passed() { return failure == null; }
    }

    private ScenarioRunner() {}

    public static Result run(Rulebook rb, Scenario s) {
        Interpretation said = rb.interpreter().read(s.observations());
        List<Observation> keep = new ArrayList<>(), withdraw = new ArrayList<>();
        for (Observation o : Triage.observationsOf(said)) (s.withdraw().contains(o.getText()) ? withdraw : keep).add(o);
        Diagnosis d;
        try {
            d = new Diagnoser().diagnose(rb, Triage.latest(keep), withdraw, said.runbooks(), said.unrecognized(),
                    s.expectNext() != null);
        } catch (RuntimeException e) {
            return new Result(s, "the rules failed: " + e.getMessage(), null);
        }
        return new Result(s, judge(s, d, said), d);
    }

    private static String judge(Scenario s, Diagnosis d, Interpretation said) {
        List<String> got = d.causes().stream().map(c -> c.component() + " " + c.confidence()).toList();
        Cause top = d.top();
        if (s.expectTop().isEmpty()) {
            if (top != null) return "expected no cause, got " + got;
        } else if (top == null || !s.expectTop().contains(top.component())) {
            return "expected top " + String.join(" or ", s.expectTop()) + ", got " + (got.isEmpty() ? "no cause" : got)
                    + (said.unrecognized().isEmpty() ? "" : " (not understood: " + said.unrecognized() + ")");
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

    public static List<Result> runAll(Rulebook rb) {
        return rb.knowledge().scenarios().stream().map(s -> run(rb, s)).toList();
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
