package triage.simulate;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One true fault, as a person looking at the broken system would describe it.
 *
 * @param component the component that has truly failed
 * @param stack the runbook id of the system ({@code placeos}, {@code web-stack}, ...)
 * @param opening the first message the person types
 * @param answers what the person finds for each symptom id: true = yes, false = no
 * @param unknowable symptom ids the person cannot check on that system ("not sure")
 */
public record Profile(String id, String component, String stack, String opening, Map<String, Boolean> answers,
                      Set<String> unknowable) {
    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(opening, "opening");
        answers = Map.copyOf(answers);
        unknowable = Set.copyOf(unknowable);
    }

    /** What the person truly finds for {@code symptom}: yes, no, or null when they cannot tell. */
    Boolean truth(String symptom) {
        return unknowable.contains(symptom) ? null : answers.get(symptom);
    }
}
