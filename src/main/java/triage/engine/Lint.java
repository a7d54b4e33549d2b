package triage.engine;

import triage.language.similar.Encoder;
import triage.language.similar.ExampleLint;
import triage.language.similar.Thresholds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A runbook set's test run: it must compile, every scenario must pass, every rule must be
 * fired by some scenario, every symptom must be used by some rule, and the symptoms' examples
 * must read as their own symptom and stay apart from other symptoms' ({@link ExampleLint}).
 */
public final class Lint {
    /** {@code revision} is the set's {@link Rulebook#revision()}, or null when it does not load. */
    public record Report(List<Problem> problems, int rules, int scenarios, String revision) {
        public boolean ok() { return problems.isEmpty(); }
    }

    private Lint() {}

    public static Report run(RulebookCompiler compiler, Path rulesDir, Path knowledgeDir) {
        return run(compiler, rulesDir, knowledgeDir, new Encoder(), Thresholds.DEFAULT);
    }

    /** As {@link #run(RulebookCompiler, Path, Path)}, with the examples embedded by {@code encoder}. */
    public static Report run(RulebookCompiler compiler, Path rulesDir, Path knowledgeDir, Encoder encoder,
                             Thresholds thresholds) {
        RulebookCompiler.Compiled c;
        try {
            c = compiler.compile(rulesDir, knowledgeDir);
        } catch (RulebookException e) {
            return new Report(e.problems(), 0, 0, null);
        }
        Rulebook rb = c.rulebook();
        List<Problem> problems = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        String scenarioDir = knowledgeDir.resolve("scenarios").toString();
        List<ScenarioRunner.Checked> results = compiler.scenarios(c).results();
        compiler.store(c);
        for (ScenarioRunner.Checked r : results) {
            if (!r.passed()) {
                problems.add(r.file() == null ? new Problem(scenarioDir, 0, 0, r.failure())
                        : new Problem(scenarioDir + "/" + r.file(), 0, 0, "scenario '" + r.name() + "': " + r.failure()));
            }
            fired.addAll(r.fired());
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
        problems.addAll(examples(rb, knowledgeDir.resolve("symptoms.yaml"), encoder, thresholds));
        return new Report(problems, rb.rules().size(), rb.knowledge().scenarios().size(), rb.revision());
    }

    /** The examples' problems, each at its line of symptoms.yaml. */
    static List<Problem> examples(Rulebook rb, Path symptomsFile, Encoder encoder, Thresholds thresholds) {
        boolean any = rb.knowledge().symptoms().values().stream().anyMatch(s -> !s.examples().isEmpty());
        if (!any) return List.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(symptomsFile);
        } catch (IOException e) {
            lines = List.of();
        }
        List<Problem> out = new ArrayList<>();
        for (ExampleLint.Finding f : ExampleLint.check(rb.knowledge(), rb.interpreter(), rb.cues(), encoder, thresholds)) {
            out.add(new Problem(symptomsFile.toString(), lineOf(lines, f.symptom(), f.example()), 0, f.message()));
        }
        return out;
    }

    /** The line (from 1) of {@code example} under symptom {@code id}, or 0 when not found. */
    static int lineOf(List<String> lines, String id, String example) {
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*-\\s*id:\\s*" + java.util.regex.Pattern.quote(id) + "\\s*")) { from = i; break; }
        }
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("-") && lines.get(i).contains(example)) return i + 1;
        }
        return 0;
    }
}
