package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Clauses typed without their commas: "redis fine etcd down", "login broken requests arriving at the api". A
 * state people put after a name ("fine", "ok", "broken", "dead", "down"...), between two words with
 * {@link Token#content() content}, ends the clause of the first: the state is
 * said of the word before it, and the word after it opens the next clause. "the broken login page"
 * and "2 down nodes" stay whole (a stopword or a number before the state), as does a state said of a place
 * or a way ("api pods fine from inside the cluster": a phrase of several words opening on a preposition).
 * Linear in the number of tokens.
 */
final class RunOns {
    private RunOns() {}

    /**
     * The states people type after a name and before the next one: "pool full clients waiting" or
     * "timeout errors" are a record's fields and a noun phrase, not two clauses.
     */
    private static final Set<String> PREDICATES = Set.of("fine", "ok", "okay", "broken", "dead", "down", "healthy", "good", "bad");

    /** The words a phrase of place or way opens on: what follows the state says where or how it holds. */
    private static final Set<String> PREPOSITIONS = Set.of("from", "in", "inside", "within", "on", "via", "through", "over",
            "at", "outside", "around", "behind");

    private static final Token COMMA = new Token(Token.Kind.WEAK_BREAK, ",", ",", false, false, false, false, false);

    static List<Token> apply(List<Token> tokens) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (out != null) out.add(t);
            if (i == 0 || i + 1 >= tokens.size() || !t.word() || !PREDICATES.contains(t.surface())) continue;
            if (!tokens.get(i - 1).content() || !tokens.get(i + 1).content() || qualifies(tokens.get(i + 1))) continue;
            if (out == null) out = new ArrayList<>(tokens.subList(0, i + 1));
            out.add(COMMA);
        }
        return out == null ? tokens : out;
    }

    private static boolean qualifies(Token next) {
        int space = next.surface().indexOf(' ');
        return space > 0 && PREPOSITIONS.contains(next.surface().substring(0, space));
    }
}
