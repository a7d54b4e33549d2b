package triage.language;

/** The cues of a clause: negation parity, and whether failure or health was said. */
final class Cues {
    int negations;
    boolean failure;
    boolean healthy;

    void add(Token t) {
        if (t.negation()) negations++;
        if (t.failure()) failure = true;
        if (t.healthy()) healthy = true;
    }

    boolean negated() { return (negations % 2) == 1; }

    boolean any() { return negations > 0 || failure || healthy; }

    /** A failure said, and neither health nor a negation beside it. */
    boolean failureOnly() { return failure && !healthy && !negated(); }

    /** Whether the clause affirms a symptom of something working ({@code good}) or of a fault. */
    boolean affirms(boolean good) {
        // of something working, a negation of the fact and a failure word agree: "the modules
        // panel is empty, no functions" is one denial, not two that cancel (a negation of the
        // failure word itself, "not broken", was read into the word: StateNegation)
        if (good) return !(negated() || failure);
        return !(negated() ^ healthy);
    }


    /**
     * One decision per fact: whether {@code p}, with these cues, says its symptom ({@code good}: of
     * something working) is present. A phrase that denies its symptom ("locked out", "workers keep up")
     * has already said which way it goes: only a negation turns it, and a word of state beside it
     * agrees with it rather than turning it again ("workers are processing fine" is one denial, not
     * two). A phrase that names its symptom takes the clause's state and negation.
     */
    boolean say(Phrase p, boolean good) {
        return p.affirms ? affirms(good) : negated();
    }

    /**
     * What a clause after "except" says when it has no cue of its own: the exception to what came
     * before. After health ("every module responds except the ones on one driver") it fails,
     * which makes something working absent and a fault present; after failure it is healthy.
     */
    static Cues opposite(boolean previousGood) {
        Cues c = new Cues();
        if (previousGood) c.failure = true;
        else c.healthy = true;
        return c;
    }
}
