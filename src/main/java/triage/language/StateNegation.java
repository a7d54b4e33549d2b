package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * NegEx's pre-negation on a word of state. A negation whose next word that says something
 * (stopwords between them, at most four words on) is a failure or health word turns that word
 * and is spent on it: "not working" is a failure, "nothing is down" health, and neither turns the
 * fact a second time. Any other negation ("no functions", "nobody can log in") is the fact's. A
 * word of state a phrase took as its own ("driver (respond|work)") is the phrase's: a negation
 * before it stays the fact's ("drivers are not working"). "none" says how many, not that the
 * state is not so. A word of ceasing that is a failure word ("stop") turns a word of health
 * after it and stays a failure itself: "stopped responding" is a failure, not a failure and a health
 * word that leave a fault ("the boards stopped working after the driver update") read as absent. A word
 * of health followed by "slowly" says how it went, not that it went well ("the vendor is responding
 * very slowly" is no health), and so does one right after a word of slowness or of growth ("slow to
 * respond", "takes forever to answer", "the queue is growing fast"), nor does one that opens its clause as a verb with an object ("Running
 * power_on on a projector returns an error" is an action, no health).
 */
final class StateNegation {
    private StateNegation() {}

    /**
     * Stems of ceasing: they turn the health word after them. Only failure words of the lexicon
     * count; "stop" is the one it has ("quit" and "cease" are none).
     */
    private static final Set<String> CEASING = Set.of("stop");

    /**
     * Words of slowness that say how long something takes ("slow", "forever", "takes seconds"); not
     * the names of a measure ("latency", "p99"), which a word of health after them reads ("latency is fine").
     */
    private static final Pattern SLOW_MANNER = Pattern.compile(
            "slow(?:er|ly)?|sluggish|forever|(?:take |takes |took |taking )?ages|.*\\blong\\b.*|.*\\b(?:seconds|minutes)|crawl(?:ing)?");

    /** {@code tokens} with each such pair turned; {@code used} (or null): the words phrases took. */
    static List<Token> apply(List<Token> tokens, boolean[] used) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.word() || taken(used, i) || t.surface().equals("none")) continue;
            if (t.healthy() && !t.failure() && (slowAfter(tokens, i) || mannerBefore(tokens, i) || gerund(tokens, i))) {
                if (out == null) out = new ArrayList<>(tokens);
                out.set(i, t.stateless());
                continue;
            }
            boolean ceasing = t.failure() && CEASING.contains(t.stem());
            if (!t.negation() && !ceasing) continue;
            for (int j = i + 1; j < tokens.size() && j <= i + 4; j++) {
                Token u = tokens.get(j);
                if (!u.word() || u.negation() || taken(used, j)) break;
                if (ceasing ? u.healthy() && !u.failure() : u.failure() != u.healthy()) {
                    if (out == null) out = new ArrayList<>(tokens);
                    if (!ceasing) out.set(i, t.spent());
                    out.set(j, u.turned());
                    i = j;
                    break;
                }
                if (!u.stop()) break;
            }
        }
        return out == null ? tokens : out;
    }

    /** Whether "slowly" (or "slow") follows the word at {@code i}, with at most one word between ("responding very slowly"). */
    private static boolean slowAfter(List<Token> tokens, int i) {
        for (int j = i + 1; j < tokens.size() && j <= i + 2; j++) {
            Token u = tokens.get(j);
            if (!u.word()) return false;
            if (u.stem().equals("slow")) return true;
        }
        return false;
    }

    /**
     * Whether a word of slowness or of growth stands right before the word at {@code i}, "to" at most
     * between: "slow to respond" and "takes forever to answer" say how long an answer takes, "growing
     * fast" how quickly something grows; neither says that it is fine.
     */
    private static boolean mannerBefore(List<Token> tokens, int i) {
        int j = i - 1;
        if (j >= 0 && tokens.get(j).word() && tokens.get(j).surface().equals("to")) j--;
        if (j < 0 || !tokens.get(j).word()) return false;
        Token t = tokens.get(j);
        return t.stem().equals("grow") || t.stem().equals("slow") && SLOW_MANNER.matcher(t.surface()).matches();
    }

    /**
     * Whether the word of health at {@code i} opens its clause as a verb with an object ("Running
     * power_on on a projector returns an error"): an action someone took, not a state.
     */
    private static boolean gerund(List<Token> tokens, int i) {
        return tokens.get(i).surface().endsWith("ing") && (i == 0 || !tokens.get(i - 1).word()) && i + 1 < tokens.size()
                && tokens.get(i + 1).content();
    }

    private static boolean taken(boolean[] used, int i) { return used != null && used[i]; }
}
