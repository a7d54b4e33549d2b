package triage.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a candidate set's scenarios run before it may serve. {@link ChildScenarioCheck} runs them
 * in a child JVM that is killed when an action never returns; {@link #inProcess} runs them here,
 * where such a thread can only be abandoned (the fallback, and tests that only need the verdict).
 */
public interface ScenarioCheck {
    /**
     * Runs every scenario of {@code rb}, compiled from {@code rulesDir} and {@code knowledgeDir}.
     * Never throws for what the rules do: a failure is a scenario's.
     */
    ScenarioRunner.Run run(Rulebook rb, Path rulesDir, Path knowledgeDir);

    /** Whether the check loads the set from the compiler's cache, so its entry must be written first. */
    default boolean readsCache() { return false; }

    /** Scenarios on a watchdog thread of this process, each under {@code deadline}. */
    static ScenarioCheck inProcess(Duration deadline) {
        return (rb, rulesDir, knowledgeDir) -> ScenarioRunner.check(rb, deadline);
    }
}
