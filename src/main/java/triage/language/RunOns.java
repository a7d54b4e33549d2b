package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Clauses typed without their commas: "redis fine etcd down", "login broken requests arriving at the api". A
 * state people put after a name ("fine", "ok", "broken", "dead", "down"...), between two words with
 * {@link Token#content() content}, ends the clause of the first: the state is
 * said of the word before it, and the word after it opens the next clause. "the broken login page"
 * and "2 down nodes" stay whole (a stopword or a number before the state). Linear in the number of
 * tokens.
 */
final class RunOns {
    private RunOns() {}

    /**
     * The states people type after a name and before the next one: "pool full clients waiting" or
     * "timeout errors" are a record's fields and a noun phrase, not two clauses.
     */
    private static final Set<String> PREDICATES = Set.of("fine", "ok", "okay", "broken", "dead", "down", "healthy", "good", "bad");

    private static final Token COMMA = new Token(Token.Kind.WEAK_BREAK, ",", ",", false, false, false, false, false);

    static List<Token> apply(List<Token> tokens) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (out != null) out.add(t);
            if (i == 0 || i + 1 >= tokens.size() || !t.word() || !PREDICATES.contains(t.surface())) continue;
            if (!tokens.get(i - 1).content() || !tokens.get(i + 1).content()) continue;
            if (out == null) out = new ArrayList<>(tokens.subList(0, i + 1));
            out.add(COMMA);
        }
        return out == null ? tokens : out;
    }
}
