package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A negation before the name of what has a fault, and the fault's noun after it: "no redis problems"
 * says Redis has none: the name, then the noun read as "fine" (the negation spent on it), not
 * Redis failing; nor is "no core errors" the error "no core instances". Shared by two names joined by
 * "or" ("no etcd or core errors"), it is said of each, as NegEx's scope reaches over "or". A name is one to three words that say nothing
 * of state. Linear in the number of tokens.
 */
final class Coordination {
    private Coordination() {}

    private static final int MAX_NAME = 3;
    /** Stems of the nouns that name a fault ("errors", "problems", "issues"). */
    private static final Set<String> FAULT_NOUNS = Set.of("error", "problem", "issu", "troubl", "failur", "except", "outag", "glitch");

    static List<Token> apply(List<Token> tokens) {
        List<Token> out = null;
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).word() || !tokens.get(i).negation()) continue;
            int end = nameEnd(tokens, i + 1), or = -1;
            if (end > 0 && end < tokens.size() && isOr(tokens.get(end))) {
                or = end;
                end = nameEnd(tokens, or + 1);
            }
            if (end < 0 || end >= tokens.size() || !faultNoun(tokens.get(end))) continue;
            // the negation is spent on the noun: "no problems" is health, "fine", with no "no" left for a
            // phrase ("no core") and no "error" for one naming an error ("etcd error")
            Token f = tokens.get(end);
            Token none = new Token(f.kind(), f.surface(), "fine", false, false, true, false, false);
            if (out == null) out = new ArrayList<>();
            out.addAll(tokens.subList(copied, i));
            out.addAll(tokens.subList(i + 1, or > 0 ? or : end));
            if (or > 0) {
                out.add(none);
                out.addAll(tokens.subList(or, end));
            }
            out.add(none);
            copied = end + 1;
            i = end;
        }
        if (out == null) return tokens;
        out.addAll(tokens.subList(copied, tokens.size()));
        return out;
    }

    /** The index after a name of one to three words from {@code from} that say nothing of state, or -1. */
    private static int nameEnd(List<Token> tokens, int from) {
        int k = from;
        while (k < tokens.size() && k - from < MAX_NAME && tokens.get(k).word() && !tokens.get(k).cue() && !tokens.get(k).stop()) k++;
        return k == from ? -1 : k;
    }

    /**
     * A noun of fault in the plural ("errors", "problems") or "trouble": a singular one after a name is
     * more often an error's own text ("gives a 'no core instances' error", "Redis::CannotConnectError").
     */
    private static boolean faultNoun(Token t) {
        return t.word() && t.failure() && !t.healthy() && FAULT_NOUNS.contains(t.stem())
                && (t.surface().endsWith("s") || t.surface().equals("trouble"));
    }

    private static boolean isOr(Token t) { return t.kind() == Token.Kind.WEAK_BREAK && t.stem().equals("or"); }
}
