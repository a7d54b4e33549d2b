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
    private final Map<String, Concept> concepts = new HashMap<>();
    private final int[] negations, failures, healthy, states;
    /** {@code saying[i]}: the words before position i that say something (not stopwords, not bare words). */
    private final int[] saying;

    /** One concept's positions, counted in the first pass and placed in the second. */
    private static final class Concept {
        int count;
        int[] at;
    }

    Positions(List<Token> seg) {
        int n = seg.size();
        saying = new int[n + 1];
        // two passes, counting then placing: no boxed positions, each array made at its size, and
        // each word's concept looked up once
        Concept[] of = new Concept[n];
        int neg = 0, fail = 0, ok = 0, state = 0;
        for (int i = 0; i < n; i++) {
            Token t = seg.get(i);
            saying[i + 1] = saying[i] + (says(t) ? 1 : 0);
            if (!t.word()) continue;
            (of[i] = concepts.computeIfAbsent(t.stem(), k -> new Concept())).count++;
            if (t.negation()) neg++;
            if (t.failure()) fail++;
            if (t.healthy()) ok++;
            if (t.failure() || t.healthy()) state++;
        }
        for (Concept c : concepts.values()) {
            c.at = new int[c.count];
            c.count = 0;  // from here on: how many are placed
        }
        negations = new int[neg];
        failures = new int[fail];
        healthy = new int[ok];
        states = new int[state];
        neg = fail = ok = state = 0;
        for (int i = 0; i < n; i++) {
            Token t = seg.get(i);
            if (!t.word()) continue;
            of[i].at[of[i].count++] = i;
            if (t.negation()) negations[neg++] = i;
            if (t.failure()) failures[fail++] = i;
            if (t.healthy()) healthy[ok++] = i;
            if (t.failure() || t.healthy()) states[state++] = i;
        }
    }

    private static boolean says(Token t) { return t.word() && !(t.stop() || t.bare()); }

    private static final int[] NONE = new int[0];

    /** The sorted positions of the words a term matches, one array per concept it accepts. */
    List<int[]> of(Phrase.Term t) {
        return switch (t.cls()) {
            case NONE -> {
                if (t.concepts().size() == 1) yield List.of(at(t.concepts().iterator().next()));
                List<int[]> out = new ArrayList<>();
                for (String c : t.concepts()) out.add(at(c));
                yield out;
            }
            case FAIL -> List.of(failures);
            case OK -> List.of(healthy);
            case STATE -> List.of(states);
            case NEG -> List.of(negations);
        };
    }

    private int[] at(String concept) {
        Concept c = concepts.get(concept);
        return c == null ? NONE : c.at;
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
