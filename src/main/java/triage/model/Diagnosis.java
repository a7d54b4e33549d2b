package triage.model;

import java.util.List;

/**
 * The answer: causes that some evidence supports (most likely first), suspects ruled out, the
 * checks that best split what is left, what was understood (observations said, checked and
 * inferred) and what was not; and, once it has settled on its first cause, what to do about it
 * ({@code remedy}; null while it has not settled).
 */
public record Diagnosis(List<Cause> causes, List<Cause> ruledOut, List<Check> nextChecks,
                        List<Observation> understood, List<String> unrecognized, List<Firing> firings,
                        Remedy remedy) {

    public Diagnosis(List<Cause> causes, List<Cause> ruledOut, List<Check> nextChecks,
                     List<Observation> understood, List<String> unrecognized, List<Firing> firings) {
        this(causes, ruledOut, nextChecks, understood, unrecognized, firings, null);
    }

    /** One rule firing, in order: the trace {@code ask --explain} prints. */
    public record Firing(String rule, String runbook, List<String> on, String concluded) {}

    public Cause top() { return causes.isEmpty() ? null : causes.get(0); }

    /**
     * Whether it has settled on its first cause: that cause is confirmed by its own check (or
     * none could be made) and stands clearly above the rest, or nothing is left to ask.
     */
    public boolean settled() { return remedy != null; }
}
