package triage.knowledge;

import java.util.List;

/**
 * Something a person (or a probe) can see, present or absent.
 *
 * @param kind {@code good} when the symptom names something working ("login works": a failure
 *             word means absent), {@code bad} when it names a fault ("the queue grows": a word
 *             of health means absent)
 * @param present how "present" reads in an explanation
 * @param absent how "absent" reads
 * @param says phrases that, affirmed, mean the symptom is present
 * @param denies phrases that, affirmed, mean it is absent
 */
public record Symptom(String id, String kind, String question, String how, String present,
                      String absent, List<String> says, List<String> denies) {
    public Symptom {
        says = says == null ? List.of() : List.copyOf(says);
        denies = denies == null ? List.of() : List.copyOf(denies);
    }

    public boolean good() { return !"bad".equals(kind); }

    public String label(boolean isPresent) { return isPresent ? present : absent; }
}
