package triage.knowledge;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Something that can fail.
 *
 * @param name short name ("RethinkDB")
 * @param title the failure's title ("RethinkDB failure")
 * @param role what it does, said so a person sees why its failure explains the symptoms
 * @param nextStep what to do once it is the likely cause (the seed's next step or remedy)
 * @param remedies what to do about it once it is the cause: the fix and the mitigation, in the project's words
 * @param remedySource the seed section the remedies come from
 * @param confirm the component's own checks (its health, its logs): symptoms that, on their own,
 *                confirm or clear it; asked before a diagnosis settles on it
 * @param probe how to check it live: {@code kind} and {@code target}, more keys per kind
 */
public record Component(String id, String name, String title, String role, List<String> dependsOn,
                        String nextStep, List<String> remedies, String remedySource, List<String> confirm,
                        Map<String, String> probe) implements Serializable {
    public Component {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        remedies = remedies == null ? List.of() : List.copyOf(remedies);
        confirm = confirm == null ? List.of() : List.copyOf(confirm);
        probe = probe == null ? Map.of() : Map.copyOf(probe);
    }
}
