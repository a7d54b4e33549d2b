package triage.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each concept and each class of cue stands in one segment of tokens, and how many words
 * that say something come before each position: built once per segment in one pass, so that
 * looking for a phrase costs the words its terms match, not the length of the text around them.
 */
final class Positions {
    private final Map<String, int[]> concepts = new HashMap<>();
    private final int[] negations, failures, healthy, states;
    /** {@code saying[i]}: the words before position i that say something (not stopwords, not bare words). */
    private final int[] saying;

    Positions(List<Token> seg) {
        Map<String, List<Integer>> at = new HashMap<>();
        List<Integer> neg = new ArrayList<>(), fail = new ArrayList<>(), ok = new ArrayList<>(), state = new ArrayList<>();
        saying = new int[seg.size() + 1];
        for (int i = 0; i < seg.size(); i++) {
            Token t = seg.get(i);
            saying[i + 1] = saying[i] + (says(t) ? 1 : 0);
            if (!t.word()) continue;
            at.computeIfAbsent(t.stem(), k -> new ArrayList<>()).add(i);
            if (t.negation()) neg.add(i);
            if (t.failure()) fail.add(i);
            if (t.healthy()) ok.add(i);
            if (t.failure() || t.healthy()) state.add(i);
        }
        at.forEach((c, l) -> concepts.put(c, ints(l)));
        negations = ints(neg);
        failures = ints(fail);
        healthy = ints(ok);
        states = ints(state);
    }

    private static boolean says(Token t) { return t.word() && !(t.stop() || t.bare()); }

    private static int[] ints(List<Integer> l) {
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = l.get(i);
        return out;
    }

    private static final int[] NONE = new int[0];

    /** The sorted positions of the words a term matches, one array per concept it accepts. */
    List<int[]> of(Phrase.Term t) {
        return switch (t.cls()) {
            case NONE -> {
                if (t.concepts().size() == 1) yield List.of(concepts.getOrDefault(t.concepts().iterator().next(), NONE));
                List<int[]> out = new ArrayList<>();
                for (String c : t.concepts()) out.add(concepts.getOrDefault(c, NONE));
                yield out;
            }
            case FAIL -> List.of(failures);
            case OK -> List.of(healthy);
            case STATE -> List.of(states);
            case NEG -> List.of(negations);
        };
    }

    /** Whether the word at {@code i} says something (a stopword matched by a term still counts, see the caller). */
    boolean says(int i) { return saying[i + 1] > saying[i]; }

    /** The words that say something in {@code [from..to]}. */
    int saying(int from, int to) { return saying[to + 1] - saying[from]; }

    /** The first index of {@code sorted} whose value is at least {@code value}. */
    static int firstAtLeast(int[] sorted, int value) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
