package triage.knowledge;

import java.io.Serializable;
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
 * @param effort what it takes to check: {@code probe} (a live check can answer it), {@code glance}
 *               (look at a page), {@code logs} (read logs or graphs), {@code command} (run commands
 *               on a host); {@code glance} when not given
 * @param examples whole sentences as people report it going wrong: absent for a good symptom,
 *                 present for a bad one (read by meaning, not by phrase)
 * @param turnedBy {@code state} (the default): a failure or health word in the clause turns the
 *                 symptom, as {@code kind} says; {@code negation}: only a negation does, since its
 *                 words of state tell what was seen, not whether it was ("the logs show an error for
 *                 each attempt" says the attempts arrive)
 * @param vague    whether it only says that something is wrong ("the backend is down", "everything is
 *                 broken"): alone, it names no component, and the answer asks what tells them apart
 * @param failureOf the good symptom this one is an error of ("no core instances" is what an execute answers):
 *                 read present, that one is read failing in the same text, whatever the text's layout
 *                 left its name with
 */
public record Symptom(String id, String kind, String question, String how, String effort, String present,
                      String absent, List<String> says, List<String> denies, List<String> examples,
                      String turnedBy, Boolean vague, String failureOf) implements Serializable {
    /** The efforts, cheapest first. */
    public static final List<String> EFFORTS = List.of("probe", "glance", "logs", "command");

    public Symptom {
        says = says == null ? List.of() : List.copyOf(says);
        denies = denies == null ? List.of() : List.copyOf(denies);
        examples = examples == null ? List.of() : List.copyOf(examples);
        effort = effort == null || effort.isBlank() ? "glance" : effort;
        turnedBy = turnedBy == null || turnedBy.isBlank() ? "state" : turnedBy;
        vague = Boolean.TRUE.equals(vague);
    }

    /** Whether only a negation turns a phrase naming it ({@code turned_by: negation}). */
    public boolean turnedByNegationOnly() { return "negation".equals(turnedBy); }

    /** Whether alone it names no component ({@code vague: true}). */
    public boolean isVague() { return vague; }

    /** The effort's rank: 0 for a probe, 3 for a command. */
    public int effortRank() { return Math.max(0, EFFORTS.indexOf(effort)); }

    /** Whether an example says the symptom is present: examples tell of something going wrong. */
    public boolean examplesPresent() { return !good(); }

    public boolean good() { return !"bad".equals(kind); }

    public String label(boolean isPresent) { return isPresent ? present : absent; }
}
