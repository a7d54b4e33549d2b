package triage.model;

import java.util.List;

/**
 * The answer: causes that some evidence supports (most likely first), suspects ruled out, the
 * checks that best split what is left, what was understood (observations said, checked and
 * inferred) and what was not, and what may have been meant ({@code maybe}: texts close to a
 * symptom's example, to be asked about, not counted).
 */
public record Diagnosis(List<Cause> causes, List<Cause> ruledOut, List<Check> nextChecks,
                        List<Observation> understood, List<String> unrecognized, List<Firing> firings,
                        List<Maybe> maybe) {
    public Diagnosis {
        maybe = maybe == null ? List.of() : List.copyOf(maybe);
    }

    public Diagnosis(List<Cause> causes, List<Cause> ruledOut, List<Check> nextChecks,
                     List<Observation> understood, List<String> unrecognized, List<Firing> firings) {
        this(causes, ruledOut, nextChecks, understood, unrecognized, firings, List.of());
    }

    /** One rule firing, in order: the trace {@code ask --explain} prints. */
    public record Firing(String rule, String runbook, List<String> on, String concluded) {}

    public Cause top() { return causes.isEmpty() ? null : causes.get(0); }

    /** The same diagnosis, with {@code maybe} as what may have been meant. */
    public Diagnosis withMaybe(List<Maybe> maybe) {
        return new Diagnosis(causes, ruledOut, nextChecks, understood, unrecognized, firings, maybe);
    }
}
