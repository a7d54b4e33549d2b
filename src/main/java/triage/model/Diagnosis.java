package triage.model;

import java.util.List;

/**
 * The answer: causes that some evidence supports (most likely first), suspects ruled out, the
 * checks that best split what is left, what was understood (observations said, checked and
 * inferred) and what was not, what may have been meant ({@code maybe}: texts close to a
 * symptom's example, to be asked about, not counted); and, once it has settled on its first cause,
 * what to do about it ({@code remedy}; null while it has not settled).
 */
public record Diagnosis(List<Cause> causes, List<Cause> ruledOut, List<Check> nextChecks,
                        List<Observation> understood, List<String> unrecognized, List<Firing> firings,
                        List<Maybe> maybe, Remedy remedy) {
    public Diagnosis {
        maybe = maybe == null ? List.of() : List.copyOf(maybe);
    }

    public Diagnosis(List<Cause> causes, List<Cause> ruledOut, List<Check> nextChecks,
                     List<Observation> understood, List<String> unrecognized, List<Firing> firings,
                     Remedy remedy) {
        this(causes, ruledOut, nextChecks, understood, unrecognized, firings, List.of(), remedy);
    }

    public Diagnosis(List<Cause> causes, List<Cause> ruledOut, List<Check> nextChecks,
                     List<Observation> understood, List<String> unrecognized, List<Firing> firings) {
        this(causes, ruledOut, nextChecks, understood, unrecognized, firings, List.of(), null);
    }

    /** One rule firing, in order: the trace {@code ask --explain} prints. */
    public record Firing(String rule, String runbook, List<String> on, String concluded) {}

    public Cause top() { return causes.isEmpty() ? null : causes.get(0); }

    /**
     * Whether it has settled on its first cause: that cause is confirmed by its own check (or
     * none could be made) and stands clearly above the rest, or nothing is left to ask.
     */
    public boolean settled() { return remedy != null; }

    /**
     * Whether every list is immutable ({@code List.copyOf} gives back the list itself): then, a record
     * of immutable lists of immutable records, it always writes the same, and a writer may know it by
     * identity. A diagnosis handed out again whole (a message said before in the same words) is one.
     */
    public boolean isFrozen() {
        return List.copyOf(understood) == understood && List.copyOf(causes) == causes && List.copyOf(ruledOut) == ruledOut
                && List.copyOf(nextChecks) == nextChecks && List.copyOf(unrecognized) == unrecognized
                && List.copyOf(firings) == firings && List.copyOf(maybe) == maybe;
    }

    /** This diagnosis with every list immutable ({@link #isFrozen}): itself when it is already. */
    public Diagnosis frozen() {
        return isFrozen() ? this : new Diagnosis(List.copyOf(causes), List.copyOf(ruledOut), List.copyOf(nextChecks),
                List.copyOf(understood), List.copyOf(unrecognized), List.copyOf(firings), maybe, remedy);
    }

    /** The same diagnosis, with {@code maybe} as what may have been meant. */
    public Diagnosis withMaybe(List<Maybe> maybe) {
        return new Diagnosis(causes, ruledOut, nextChecks, understood, unrecognized, firings, maybe, remedy);
    }
}
