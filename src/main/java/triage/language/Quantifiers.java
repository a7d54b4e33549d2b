package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "all" before the name of something picks out its members, as "every" and "each" do: "health
 * checks time out on all api nodes" says those nodes fail, not that everything does; "all down",
 * "all slow", "it is all broken" still speak of everything. An "all" whose next word that says
 * something (past a determiner: "all the pods", "all our workers") is no word of state or level
 * is read as the bare "every". An "all" floated off the subject before it ("the lists of zones and
 * users all come up empty", "the pods all crash") says no more than that subject: no everything.
 * Linear in the number of tokens.
 */
final class Quantifiers {
    /** Words between "all" and the thing it quantifies that say nothing themselves. */
    private static final Set<String> DETERMINERS = Set.of("the", "our", "my", "your", "their", "its", "these", "those", "of");

    /** The stem of a floated "all": a stopword no phrase names (the tokenizer never makes a word with a dot). */
    private static final String FLOATED = "all.";

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
            if (next.cue() || next.stop() || levels.contains(next.stem())) {
                // "the zones and users all come up empty": floated off its subject, it says no more than the subject
                if (floated(tokens, i)) {
                    if (out == null) out = new ArrayList<>(tokens);
                    out.set(i, new Token(t.kind(), t.surface(), FLOATED, false, false, false, true, true));
                }
                // "all is down", "all of it", "all down", "all slow": everything
                continue;
            }
            if (out == null) out = new ArrayList<>(tokens);
            out.set(i, new Token(t.kind(), t.surface(), every, false, false, false, false, true));
        }
        return out == null ? tokens : out;
    }

    /** Whether the word before the "all" at {@code i} is a subject it floated off: one with {@link Token#content() content}. */
    private static boolean floated(List<Token> tokens, int i) { return i > 0 && tokens.get(i - 1).content(); }
}
