package triage.engine;

import triage.model.Observation;
import triage.model.Redactor;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One message to {@link Triage#answer}, from any channel.
 *
 * @param texts what the person wrote, one sentence or more (may be empty: "what do you make of
 *              what I said so far?")
 * @param openQuestion the symptom id the conversation asked about last, or null; a short reply
 *                     ("yes", "nope, still broken") answers it, "not sure" sets it aside
 * @param check whether to run the live checks too
 * @param remembered what the conversation remembers from earlier messages, oldest first
 * @param runbooks the runbooks the conversation has named so far
 * @param withdrawn texts whose observations are said, fired on, then taken back ("actually
 *                  login works"; the scenarios' {@code withdraw})
 * @param nextChecks whether to choose the next checks (most of a diagnosis' cost; the scenarios
 *                   skip it unless they expect one)
 * @param stacks the stacks the channel or deployment runs ({@code placeos}, {@code web-stack});
 *               empty: whatever {@link Triage} was configured with, narrowed by what is said
 * @param setAside symptoms the person could not answer ("not sure"): asked again only when
 *                 nothing better is left
 * @param rechecked symptoms the conversation has asked a second time because one answer alone
 *                  decided the diagnosis ({@link Corroboration}): not asked again that way
 */
public record Said(List<String> texts, String openQuestion, boolean check, List<Observation> remembered,
                   Set<String> runbooks, List<String> withdrawn, boolean nextChecks, Set<String> stacks,
                   Set<String> setAside, Set<String> rechecked) {
    public Said {
        texts = List.copyOf(Objects.requireNonNull(texts, "texts"));
        remembered = remembered == null ? List.of() : List.copyOf(remembered);
        runbooks = runbooks == null ? Set.of() : Set.copyOf(runbooks);
        withdrawn = withdrawn == null ? List.of() : List.copyOf(withdrawn);
        stacks = stacks == null ? Set.of() : Set.copyOf(stacks);
        setAside = setAside == null ? Set.of() : Set.copyOf(setAside);
        rechecked = rechecked == null ? Set.of() : Set.copyOf(rechecked);
    }

    /** Texts on their own: no conversation, no live checks. */
    public static Said texts(List<String> texts) {
        return new Said(texts, null, false, List.of(), Set.of(), List.of(), true, Set.of(), Set.of(), Set.of());
    }

    /** One text on its own. */
    public static Said text(String text) { return texts(List.of(text)); }

    /** The same, and run the live checks when {@code check}. */
    public Said checking(boolean check) {
        return new Said(texts, openQuestion, check, remembered, runbooks, withdrawn, nextChecks, stacks, setAside, rechecked);
    }

    /** The same, as a message of a conversation that remembers this much. */
    public Said inConversation(List<Observation> remembered, Set<String> runbooks, String openQuestion) {
        return new Said(texts, openQuestion, check, remembered, runbooks, withdrawn, nextChecks, stacks, setAside, rechecked);
    }

    /** The same, with the questions this conversation has set aside. */
    public Said settingAside(Set<String> setAside) {
        return new Said(texts, openQuestion, check, remembered, runbooks, withdrawn, nextChecks, stacks, setAside, rechecked);
    }

    /** The same, with the questions this conversation has asked a second time. */
    public Said rechecking(Set<String> rechecked) {
        return new Said(texts, openQuestion, check, remembered, runbooks, withdrawn, nextChecks, stacks, setAside, rechecked);
    }

    /** The same, on the stacks a channel runs (a Slack or Teams channel's own setting). */
    public Said onStacks(Set<String> stacks) {
        return new Said(texts, openQuestion, check, remembered, runbooks, withdrawn, nextChecks, stacks, setAside, rechecked);
    }

    /** The same, with the observations of {@code withdrawn} (some of {@link #texts}) taken back after firing. */
    Said withdrawing(List<String> withdrawn) {
        return new Said(texts, openQuestion, check, remembered, runbooks, withdrawn, nextChecks, stacks, setAside, rechecked);
    }

    /**
     * The same with credentials and IPv6 addresses masked in what was written ({@link Redactor});
     * this very message when there was nothing to mask (most are), its texts the same list.
     */
    Said redacted() {
        List<String> t = redacted(texts), w = redacted(withdrawn);
        return t == texts && w == withdrawn ? this
                : new Said(t, openQuestion, check, remembered, runbooks, w, nextChecks, stacks, setAside, rechecked);
    }

    /** {@code texts} redacted: the same list when no text changed. */
    private static List<String> redacted(List<String> texts) {
        String[] out = null;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i), r = Redactor.redact(t);
            if (out == null && !r.equals(t)) out = texts.toArray(new String[0]);
            if (out != null) out[i] = r;
        }
        return out == null ? texts : List.of(out);
    }

    /**
     * Whether this is a message on its own: no conversation behind it (nothing remembered, no open
     * question, nothing set aside, asked again or taken back), no live checks, no stacks of its own,
     * next checks chosen. Its answer follows from its texts and the rulebook alone.
     */
    boolean alone() {
        return openQuestion == null && !check && nextChecks && remembered.isEmpty() && runbooks.isEmpty()
                && withdrawn.isEmpty() && stacks.isEmpty() && setAside.isEmpty() && rechecked.isEmpty();
    }

    /** The same, choosing next checks only when {@code nextChecks}. */
    Said choosingChecks(boolean nextChecks) {
        return new Said(texts, openQuestion, check, remembered, runbooks, withdrawn, nextChecks, stacks, setAside, rechecked);
    }
}
