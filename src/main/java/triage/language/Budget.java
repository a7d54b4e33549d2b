package triage.language;

/**
 * The work one request may cost the reader, counted in elementary steps (a word tried against a
 * phrase term, a typo candidate measured). Whatever the text's shape, a request stops reading
 * once it is spent: what was not read is left unread, never guessed. One per request; not
 * shared between threads.
 */
final class Budget {
    /**
     * Ten times what 50 observations of 1,300 characters of ordinary prose cost (ReadingCostTest
     * reads such a body whole); no shape of text costs more than a few steps a word besides typo
     * correction, which is what a request full of unknown words spends it on. The worst shapes cost
     * in proportion to the phrases that share their words: raised from 1.5 million in session 18,
     * when that session's phrases took the worst one a step past a third of it (the time that body takes is
     * what ReadingCostTest bounds).
     */
    static final long PER_REQUEST = 1_600_000;

    private final long steps;
    private long left;

    Budget(long steps) {
        this.steps = steps;
        this.left = steps;
    }

    static Budget perRequest() { return new Budget(PER_REQUEST); }

    /** Spends {@code steps}; false once the budget is gone. */
    boolean spend(long steps) {
        left -= steps;
        return left >= 0;
    }

    boolean spent() { return left < 0; }

    /** The steps spent so far. */
    long used() { return steps - left; }
}
