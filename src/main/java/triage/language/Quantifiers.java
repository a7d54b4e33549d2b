package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "all" before the name of something picks out its members, as "every" and "each" do: "health
 * checks time out on all api nodes" says those nodes fail, not that everything does; "all down",
 * "all slow", "it is all broken" still speak of everything. An "all" whose next word that says
 * something (past a determiner: "all the pods", "all our workers") is no word of state or level
 * is read as the bare "every". Linear in the number of tokens.
 */
final class Quantifiers {
    /** Words between "all" and the thing it quantifies that say nothing themselves. */
    private static final Set<String> DETERMINERS = Set.of("the", "our", "my", "your", "their", "its", "these", "those", "of");

    private final Set<String> levels;
    /** The concept "every" is read as (its stem). */
    private final String every;

    /** {@code levels}: the concepts of level ("slow", "grow"): "all slow" is everything, not members. */
    Quantifiers(Set<String> levels, String every) {
        this.levels = Set.copyOf(levels);
        this.every = every;
    }

    List<Token> apply(List<Token> tokens) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.word() || !t.surface().equals("all")) continue;
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).word() && DETERMINERS.contains(tokens.get(j).surface())) j++;
            if (j >= tokens.size() || !tokens.get(j).word()) continue;
            Token next = tokens.get(j);
            // "all is down", "all of it", "all down", "all slow": everything
            if (next.cue() || next.stop() || levels.contains(next.stem())) continue;
            if (out == null) out = new ArrayList<>(tokens);
            out.set(i, new Token(t.kind(), t.surface(), every, false, false, false, false, true));
        }
        return out == null ? tokens : out;
    }
}
