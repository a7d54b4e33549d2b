package triage.probe;

import triage.engine.LiveChecks;
import triage.model.ProbeResult;

import java.util.List;

/**
 * The configured probes as the engine's {@link LiveChecks} port.
 *
 * <p>When two or more targets are checked and not one answers, the fault is more likely between
 * Triage and them (its own network, a wrong configuration) than in all of them at once: the
 * results are reported but not counted.
 */
public final class ProbeChecks implements LiveChecks {
    private final Prober prober;
    private final List<String> names;

    private ProbeChecks(Prober prober) {
        this.prober = prober;
        this.names = prober.targets().stream().map(Target::component).distinct().toList();
    }

    /** The live checks {@code prober} runs; {@link LiveChecks#NONE} when it is null or has no target. */
    public static LiveChecks of(Prober prober) {
        return prober == null || prober.isEmpty() ? LiveChecks.NONE : new ProbeChecks(prober);
    }

    @Override public List<String> names() { return names; }

    @Override public List<ProbeResult> run() { return counted(prober.run()); }

    /** All failed, and more than one: not counted (see the class comment). */
    static List<ProbeResult> counted(List<ProbeResult> results) {
        if (results.size() < 2 || results.stream().anyMatch(ProbeResult::up)) return results;
        return results.stream().map(ProbeResult::notCounted).toList();
    }
}
