package triage.engine;

import triage.knowledge.Scenario;
import triage.model.Cause;
import triage.model.Diagnosis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    /**
     * One scenario as a check reports it, in this process or in a child's: where it is, why it
     * failed (null when it passed) and the rules it fired.
     */
    public record Checked(String file, String name, String failure, List<String> fired) {
        public Checked {
            fired = List.copyOf(fired);
        }

        public boolean passed() { return failure == null; }

        /** As {@code file: name: why}, the form reload errors and the cache use. */
        String describe() { return file == null ? failure : "knowledge/scenarios/" + file + ": " + name + ": " + failure; }
    }

    /**
     * What a run of every scenario found. {@code complete} is false when it was cut short (an
     * action that never returned, a check process that died): such a run is not cached.
     */
    public record Run(List<Checked> results, boolean complete) {
        public Run {
            results = List.copyOf(results);
        }

        /** Every failing scenario as {@code file: name: why}. */
        public List<String> failures() {
            return results.stream().filter(r -> !r.passed()).map(Checked::describe).toList();
        }
    }

    /**
     * Every scenario, each on a worker thread under {@code deadline}: a rule whose action never
     * returns fails its scenario (naming the rule) and ends the run; the worker is abandoned, since
     * nothing can stop it in this process (see {@link ChildScenarioCheck} for the run that can be).
     */
    public static List<Result> runAll(Rulebook rb, Duration deadline) {
        List<Result> out = new ArrayList<>();
        runAll(rb, deadline, s -> { }, out::add);
        return out;
    }

    public static List<Result> runAll(Rulebook rb) { return runAll(rb, DEADLINE); }

    /** {@link #runAll} as a {@link Run}. */
    static Run check(Rulebook rb, Duration deadline) {
        List<Result> all = new ArrayList<>();
        boolean complete = runAll(rb, deadline, s -> { }, all::add);
        return new Run(all.stream().map(ScenarioRunner::checked).toList(), complete);
    }

    /**
     * Runs the scenarios, telling {@code starting} of each before it runs and {@code finished} of
     * its result; false when one was stuck and the run ended there.
     */
    static boolean runAll(Rulebook rb, Duration deadline, Consumer<Scenario> starting, Consumer<Result> finished) {
        try (Watchdog watchdog = new Watchdog(deadline, 1, "scenario")) {
            for (Scenario s : rb.knowledge().scenarios()) {
                starting.accept(s);
                try {
                    finished.accept(watchdog.call(() -> run(rb, s), rb, "scenario '" + s.name() + "'"));
                } catch (RulesStuck e) {
                    finished.accept(new Result(s, e.getMessage(), null));
                    return false;
                }
            }
        }
        return true;
    }

    static Checked checked(Result r) {
        List<String> fired = r.diagnosis() == null ? List.of()
                : r.diagnosis().firings().stream().map(Diagnosis.Firing::rule).distinct().toList();
        return new Checked(r.scenario().file(), r.scenario().name(), r.failure(), fired);
    }
}
