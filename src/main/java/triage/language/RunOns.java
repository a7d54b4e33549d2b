package triage.language;

import java.util.ArrayList;
import java.util.List;

/**
 * Clauses typed without their commas: "redis fine etcd down", "login broken reqs hitting api". A
 * word of state (no negation) between two words that say something, each of them neither a cue,
 * a stopword nor a number, ends the clause of the first: the state is said of the word before it,
 * and the word after it opens the next clause. "2 unhealthy targets" and "the failed login
 * attempts" stay whole (a number or a stopword before the state), as does "timeout errors" (two
 * cues). Linear in the number of tokens.
 */
final class RunOns {
    private RunOns() {}

    private static final Token COMMA = new Token(Token.Kind.WEAK_BREAK, ",", ",", false, false, false, false, false);

    static List<Token> apply(List<Token> tokens) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (out != null) out.add(t);
            if (i == 0 || i + 1 >= tokens.size() || !t.word() || t.negation() || t.failure() == t.healthy()) continue;
            if (!says(tokens.get(i - 1)) || !says(tokens.get(i + 1))) continue;
            if (out == null) out = new ArrayList<>(tokens.subList(0, i + 1));
            out.add(COMMA);
        }
        return out == null ? tokens : out;
    }

    /** A word that says something: no cue, stopword, bare word or number. */
    private static boolean says(Token t) {
        return t.word() && !t.cue() && !t.stop() && !t.bare() && !Analyzer.isNumber(t.surface());
    }
}
