package triage.language;

/**
 * The work one request may cost the reader, counted in elementary steps (a word tried against a
 * phrase term, a typo candidate measured). Whatever the text's shape, a request stops reading
 * once it is spent: what was not read is left unread, never guessed. One per request; not
 * shared between threads.
 */
final class Budget {
    /** Enough for 50 observations of 2,000 characters of ordinary prose many times over. */
    static final long PER_REQUEST = 4_000_000;

    private long left;

    Budget(long steps) { this.left = steps; }

    static Budget perRequest() { return new Budget(PER_REQUEST); }

    /** Spends {@code steps}; false once the budget is gone. */
    boolean spend(long steps) {
        left -= steps;
        return left >= 0;
    }

    boolean spent() { return left < 0; }
}
