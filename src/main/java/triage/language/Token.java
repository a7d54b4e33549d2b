package triage.language;

/** One word (or clause break) of analysed text. {@code stem} is the concept after stemming and synonyms. */
record Token(Kind kind, String surface, String stem, boolean negation, boolean failure, boolean healthy,
             boolean stop, boolean bare) {
    enum Kind { WORD, STRONG_BREAK, WEAK_BREAK, EXCEPT }

    boolean word() { return kind == Kind.WORD; }

    boolean cue() { return negation || failure || healthy; }

    /** Whether this is a word that says something: neither a stopword nor a bare one ("the", "all"). */
    boolean says() { return word() && !stop && !bare; }

    /**
     * Whether this word has content: it says something and is neither a word of state nor a number
     * ("down", "not", "3" have none). A clause needs one to be about anything.
     */
    boolean content() { return says() && !cue() && !Analyzer.isNumber(stem); }

    /** This negation, spent on the word of state after it: it turns nothing else. */
    Token spent() { return new Token(kind, surface, stem, false, failure, healthy, stop, bare); }

    /** This word without its state: "responding slowly" says how it answers, not that it is fine. */
    Token stateless() { return new Token(kind, surface, stem, negation, false, false, stop, bare); }

    /** This word of state turned by a negation before it: "not working" is a failure, "never fails" health. */
    Token turned() { return new Token(kind, surface, stem, negation, healthy, failure, stop, bare); }
}
