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
 * @param examples whole sentences as people report it going wrong: absent for a good symptom,
 *                 present for a bad one (read by meaning, not by phrase)
 */
public record Symptom(String id, String kind, String question, String how, String present,
                      String absent, List<String> says, List<String> denies, List<String> examples) {
    public Symptom {
        says = says == null ? List.of() : List.copyOf(says);
        denies = denies == null ? List.of() : List.copyOf(denies);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** Whether an example says the symptom is present: examples tell of something going wrong. */
    public boolean examplesPresent() { return !good(); }

    public boolean good() { return !"bad".equals(kind); }

    public String label(boolean isPresent) { return isPresent ? present : absent; }
}
