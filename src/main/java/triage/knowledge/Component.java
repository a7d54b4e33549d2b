package triage.knowledge;

import java.util.List;
import java.util.Map;

/**
 * Something that can fail.
 *
 * @param name short name ("RethinkDB")
 * @param title the failure's title ("RethinkDB failure")
 * @param role what it does, said so a person sees why its failure explains the symptoms
 * @param nextStep what to do once it is the likely cause (the seed's next step or remedy)
 * @param probe how to check it live: {@code kind} and {@code target}, more keys per kind
 */
public record Component(String id, String name, String title, String role, List<String> dependsOn,
                        String nextStep, List<String> remedies, Map<String, String> probe) {
    public Component {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        remedies = remedies == null ? List.of() : List.copyOf(remedies);
        probe = probe == null ? Map.of() : Map.copyOf(probe);
    }
}
