package triage.bench;

import triage.engine.Rulebook;
import triage.knowledge.Scenario;
import triage.language.Interpretation;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the benchmarks feed the engine: the inputs of every shipped scenario (what people said,
 * read once by the shipped language layer), so every rule base is asked the same questions and
 * the figures differ only by the rule base.
 */
public final class Workload {
    /** One diagnosis' input. */
    public record Input(List<String> texts, List<Observation> observations, Set<String> hints) {}

    private Workload() {}

    public static List<Input> of(Rulebook shipped) {
        List<Input> out = new ArrayList<>();
        for (Scenario s : shipped.knowledge().scenarios()) {
            if (!s.withdraw().isEmpty()) continue;
            Interpretation in = shipped.interpreter().read(s.observations());
            List<Observation> obs = new ArrayList<>(in.readings());
            out.add(new Input(s.observations(), obs, in.runbooks()));
        }
        return out;
    }

    /** Every sentence of every scenario, once: the language layer's workload. */
    public static List<String> sentences(Rulebook shipped) {
        Set<String> out = new LinkedHashSet<>();
        for (Scenario s : shipped.knowledge().scenarios()) out.addAll(s.observations());
        return List.copyOf(out);
    }
}
