package triage.simulate;

import java.util.List;
import java.util.Random;

/**
 * A simulated person who knows the true fault of one {@link Profile} and answers the bot's
 * questions from it: yes or no in everyday forms, "not sure" for what they cannot check (or
 * what the profile does not mention), and with probability {@code wrong} a yes/no turned
 * around. Deterministic for a given seed.
 */
public final class Engineer {
    static final List<String> YES = List.of("yes", "yep, it does", "yeah", "yes, it is", "yup");
    static final List<String> NO = List.of("no", "nope", "no, it doesn't", "nah, it isn't", "no it's not");
    static final List<String> NOT_SURE = List.of("not sure", "I don't know", "no idea", "can't tell");

    /**
     * One answer.
     *
     * @param value what the person says: true = yes, false = no, null = not sure
     * @param flipped the yes/no said is the opposite of the truth
     * @param text the words typed
     */
    public record Answer(String symptom, Boolean value, boolean flipped, String text) {}

    private final Profile profile;
    private final double wrong;
    private final Random flips;
    private final Random words;

    public Engineer(Profile profile, double wrong, long seed) {
        if (wrong < 0 || wrong > 1) throw new IllegalArgumentException("wrong must be within [0, 1]");
        this.profile = profile;
        this.wrong = wrong;
        // one stream decides the flips and another the wording, so a rate of 0 and 0.1 word things alike
        long base = seed * 0x9E3779B97F4A7C15L + profile.id().hashCode();
        this.flips = new Random(base);
        this.words = new Random(base ^ 0x5DEECE66DL);
    }

    public Profile profile() { return profile; }

    /** Answers the question that asks for {@code symptom}. */
    public Answer answer(String symptom) {
        Boolean truth = profile.truth(symptom);
        if (truth == null) return new Answer(symptom, null, false, pick(NOT_SURE));
        boolean flipped = wrong > 0 && flips.nextDouble() < wrong;
        boolean said = flipped != truth;
        return new Answer(symptom, said, flipped, pick(said ? YES : NO));
    }

    private String pick(List<String> forms) {
        return forms.get(words.nextInt(forms.size()));
    }
}
