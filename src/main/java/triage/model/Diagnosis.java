package triage.model;

import java.util.List;

/**
 * The answer: causes that some evidence supports (most likely first), suspects ruled out, the
 * checks that best split what is left, what was understood (observations said, checked and
 * inferred) and what was not.
 */
public record Diagnosis(List<Cause> causes, List<Cause> ruledOut, List<Check> nextChecks,
                        List<Observation> understood, List<String> unrecognized, List<Firing> firings) {

    /** One rule firing, in order: the trace {@code ask --explain} prints. */
    public record Firing(String rule, String runbook, List<String> on, String concluded) {}

    public Cause top() { return causes.isEmpty() ? null : causes.get(0); }
}
