package triage.engine;

import triage.model.Diagnosis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A runbook set's test run: it must compile, every scenario must pass, every rule must be
 * fired by some scenario, and every symptom must be used by some rule.
 */
public final class Lint {
    /** {@code revision} is the set's {@link Rulebook#revision()}, or null when it does not load. */
    public record Report(List<Problem> problems, int rules, int scenarios, String revision) {
        public boolean ok() { return problems.isEmpty(); }
    }

    private Lint() {}

    public static Report run(Path rulesDir, Path knowledgeDir) {
        return run(rulesDir, knowledgeDir, RulebookCache.fromEnvironment());
    }

    /** As above, with compiled sets kept in {@code cache}. */
    public static Report run(Path rulesDir, Path knowledgeDir, RulebookCache cache) {
        Rulebook rb;
        try {
            rb = Rulebook.load(rulesDir, knowledgeDir, cache);
        } catch (RulebookException e) {
            return new Report(e.problems(), 0, 0, null);
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        String scenarioDir = knowledgeDir.resolve("scenarios").toString();
        List<ScenarioRunner.Result> results = ScenarioRunner.runAll(rb);
        for (ScenarioRunner.Result r : results) {
            if (!r.passed()) {
                problems.add(new Problem(scenarioDir + "/" + r.scenario().file(), 0, 0,
                        "scenario '" + r.scenario().name() + "': " + r.failure()));
            }
            if (r.diagnosis() != null) for (Diagnosis.Firing f : r.diagnosis().firings()) fired.add(f.rule());
        }
        Set<String> used = new HashSet<>();
        for (RuleInfo info : rb.rules().values()) {
            used.addAll(info.reads());
            used.addAll(info.infers());
            if (!fired.contains(info.name())) {
                problems.add(new Problem(info.ref().file(), info.ref().line(), 0,
                        "rule '" + info.name() + "' is fired by no scenario; add one to knowledge/scenarios"));
            }
        }
        for (String s : rb.knowledge().symptoms().keySet()) {
            if (!used.contains(s)) {
                problems.add(new Problem(knowledgeDir.resolve("symptoms.yaml").toString(), 0, 0,
                        "symptom '" + s + "' is used by no rule"));
            }
        }
        return new Report(problems, rb.rules().size(), results.size(), rb.revision());
    }
}
