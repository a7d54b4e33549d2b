package triage.language;

/** One word (or clause break) of analysed text. {@code stem} is the concept after stemming and synonyms. */
record Token(Kind kind, String surface, String stem, boolean negation, boolean failure, boolean healthy,
             boolean stop, boolean bare) {
    enum Kind { WORD, STRONG_BREAK, WEAK_BREAK, EXCEPT }

    boolean word() { return kind == Kind.WORD; }

    boolean cue() { return negation || failure || healthy; }
}
