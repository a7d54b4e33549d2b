package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sentences about things no runbook covers: office equipment, one person's own account or desk kit,
 * a developer's own build (the lexicon's {@code offtopic} words). A sentence (or a clause of one joined
 * by "and", "or") that names one of them and no component of ours by its own name ("the label printer
 * will not print, not the cable, not the drivers on the PC") says nothing of the systems: none of its
 * words is read, by phrase or by example. One that names a component too ("the printer service cannot
 * reach the database") is read as usual. Linear in the number of tokens.
 */
final class Elsewhere {
    /** The concept the lexicon folds every such word into. */
    static final String CONCEPT = "offtopic";

    /** Who may open a clause of their own after an "and": "the printer jammed and I can't log in" is about logging in. */
    private static final Set<String> PEOPLE = Set.of("i", "we", "you", "they", "he", "she", "someone", "somebody",
            "everyone", "everybody", "nobody", "people", "users", "customers", "staff");

    /** Concepts that name a component of ours by its own name: a sentence holding one is about the systems. */
    private final Set<String> ours;

    Elsewhere(Set<String> ours) { this.ours = Set.copyOf(ours); }

    /**
     * {@code tokens} without the parts about things elsewhere (their breaks kept); the same list when there are
     * none. A part is a sentence, or one of the clauses an "and" or an "or" joins in it ("login fails and the
     * printer jammed": login is read); a clause that names nothing of its own, or opens on no subject, goes with
     * the one before it ("the vending machine rejects cards and times out", "... and won't make anything").
     */
    List<Token> strip(List<Token> tokens) {
        List<Token> out = null;
        int start = 0;
        boolean previous = false;
        for (int i = 0; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            boolean strong = t == null || t.kind() == Token.Kind.STRONG_BREAK;
            if (!strong && (t.kind() != Token.Kind.WEAK_BREAK || !Character.isLetter(t.surface().charAt(0)))) continue;
            boolean away = elsewhere(tokens, start, i) || previous && (namesNothing(tokens, start, i) || continues(tokens, start, i));
            if (away && out == null) out = new ArrayList<>(tokens.subList(0, start));
            else if (!away && out != null) out.addAll(tokens.subList(start, i));
            if (out != null && t != null) out.add(t);
            previous = away && !strong;
            start = i + 1;
        }
        return out == null ? tokens : out;
    }

    private boolean elsewhere(List<Token> tokens, int from, int to) {
        boolean away = false;
        for (int i = from; i < to; i++) {
            String stem = tokens.get(i).stem();
            if (ours.contains(stem)) return false;
            away |= stem.equals(CONCEPT);
        }
        return away;
    }

    /**
     * Whether the clause opens on no subject of its own and so goes on about the one before it: on a negation, a
     * word of state or a verb ("... and won't make anything", "... and it keeps beeping"), not on a person ("... and I can't log in").
     */
    private static boolean continues(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.word()) return t.negation() || t.cue() || t.stop() && !t.bare() && !PEOPLE.contains(t.surface());
        }
        return false;
    }

    private static boolean namesNothing(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.word() && !t.stop() && !t.bare() && !t.cue()) return false;
        }
        return true;
    }
}
