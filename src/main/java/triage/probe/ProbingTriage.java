package triage.probe;

import triage.engine.Triage;
import triage.model.Diagnosis;
import triage.model.Observation;
import triage.model.ProbeResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A diagnosis that may check before it answers: what people said, plus what the live checks
 * found, as observations with source {@code probe}. A probe's observation comes after the text,
 * so where both speak of one symptom the measurement wins.
 *
 * <p>When two or more targets are checked and not one answers, the fault is more likely between
 * Triage and them (its own network, a wrong configuration) than in all of them at once: the
 * results are reported but not counted.
 */
public final class ProbingTriage {
    /** The answer and what was checked for it ({@code probes} null when nothing was asked to be checked). */
    public record Answer(Diagnosis diagnosis, List<ProbeResult> probes) {}

    private final Triage triage;
    private final Prober prober;

    /** @param prober null when no live check is configured */
    public ProbingTriage(Triage triage, Prober prober) {
        this.triage = triage;
        this.prober = prober;
    }

    public Triage triage() { return triage; }

    public Answer diagnose(List<String> texts, boolean probe) {
        if (!probe) return new Answer(triage.diagnose(texts), null);
        List<ProbeResult> results = prober == null ? List.of() : counted(prober.run());
        Set<String> known = triage.rules().current().knowledge().symptoms().keySet();
        List<Observation> evidence = new ArrayList<>();
        for (ProbeResult r : results) {
            if (!r.counted()) continue;
            for (Observation o : r.observations()) if (known.contains(o.getSymptom())) evidence.add(o);
        }
        return new Answer(triage.diagnose(texts, evidence), results);
    }

    /** All failed, and more than one: not counted (see the class comment). */
    public static List<ProbeResult> counted(List<ProbeResult> results) {
        if (results.size() < 2 || results.stream().anyMatch(ProbeResult::up)) return results;
        return results.stream().map(ProbeResult::notCounted).toList();
    }
}
