package triage.language;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the symptom phrases are in a segment of tokens: for a stretch of words, the phrases whose
 * terms it holds, and for each the smallest window holding them all on distinct words. It decides
 * nothing about polarity ({@link PhraseMatcher} does). Every step is paid from the request's
 * {@link Budget}; immutable once built; thread-safe.
 */
final class PhraseFinder {
    /** {@code consumed}: the positions of the words the phrase's own words took. */
    record Match(Phrase phrase, int from, int to, int[] consumed, boolean crossing) {}

    /**
     * The most tokens a window may span: a phrase has at most {@link Phrase#MAX_TERMS} terms and
     * four words of gap, and a window may hold as many stopwords again (see {@link #window}).
     */
    static final int SPAN = 3 * (Phrase.MAX_TERMS + 4);

    private final Map<String, List<Phrase>> byConcept;

    PhraseFinder(Map<String, List<Phrase>> byConcept) { this.byConcept = byConcept; }

    /**
     * The phrases that {@code seg[lo..hi]} holds every term of (by concept and by class, not yet
     * by position): only those are worth a window. Every word scanned and phrase looked at is paid for.
     */
    Set<Phrase> candidates(List<Token> seg, int lo, int hi, Budget budget) {
        if (!budget.spend(hi - lo + 1)) return Set.of();
        Set<String> concepts = new HashSet<>();
        boolean neg = false, fail = false, ok = false;
        int words = 0;
        for (int i = lo; i <= hi; i++) {
            Token t = seg.get(i);
            if (!t.word()) continue;
            words++;
            concepts.add(t.stem());
            neg |= t.negation();
            fail |= t.failure();
            ok |= t.healthy();
        }
        // in the order the words come, so that of two equal phrases the one starting earlier is tried first
        Set<Phrase> out = new LinkedHashSet<>();
        Set<String> visited = new HashSet<>();
        for (int i = lo; i <= hi; i++) {
            Token t = seg.get(i);
            if (!t.word() || !visited.add(t.stem())) continue;
            List<Phrase> ps = byConcept.get(t.stem());
            if (ps == null) continue;
            if (!budget.spend(ps.size())) return out;
            for (Phrase p : ps) {
                if (p.terms.size() <= words && holds(p, concepts, neg, fail, ok)) out.add(p);
            }
        }
        return out;
    }

    private static boolean holds(Phrase p, Set<String> concepts, boolean neg, boolean fail, boolean ok) {
        for (Phrase.Term t : p.terms) {
            boolean any = switch (t.cls()) {
                case NONE -> {
                    boolean hit = false;
                    for (String c : t.concepts()) if (concepts.contains(c)) { hit = true; break; }
                    yield hit;
                }
                case FAIL -> fail;
                case OK -> ok;
                case STATE -> fail || ok;
                case NEG -> neg;
            };
            if (!any) return false;
        }
        return true;
    }

    /**
     * The smallest window of {@code seg[lo..hi]} holding every term of {@code p} on distinct words.
     * Gaps of up to four words that say something (stopwords do not count) are allowed beyond the
     * phrase's own length, and a window spans at most {@link #SPAN} tokens. A window starts and
     * ends on words some term matches, so only those are tried; every word tried is paid for.
     * {@code index} is the segment's {@link Positions}.
     */
    static Match window(Phrase p, Positions index, List<Token> seg, int[] clauseOf, int lo, int hi, Budget budget) {
        int terms = p.terms.size();
        int maxLen = terms + 4;
        if (hi - lo + 1 < terms) return null;
        // the words some term matches, from the segment's index: the work is the hits, not the stretch
        int[] found = new int[8];
        int count = 0;
        for (Phrase.Term t : p.terms) {
            int before = count;
            for (int[] at : index.of(t)) {
                int k = Positions.firstAtLeast(at, lo), from = count;
                for (; k < at.length && at[k] <= hi; k++) {
                    if (count == found.length) found = java.util.Arrays.copyOf(found, 2 * count);
                    found[count++] = at[k];
                }
                if (!budget.spend(1 + count - from)) return null;
            }
            // a term no word matches: no window can hold the phrase
            if (count == before) return null;
        }
        java.util.Arrays.sort(found, 0, count);
        int hits = 0;
        for (int k = 0; k < count; k++) if (hits == 0 || found[hits - 1] != found[k]) found[hits++] = found[k];
        int[] at = found;
        // words that say something between two hits: stopwords do not widen a window, unless a term matched them
        int[] quietHits = new int[hits + 1];
        for (int k = 0; k < hits; k++) quietHits[k + 1] = quietHits[k] + (index.says(at[k]) ? 0 : 1);
        // candidate windows start and end on matched words; smallest first (in words that say
        // something, then in all words)
        List<long[]> spans = new ArrayList<>();
        for (int a = 0; a < hits; a++) {
            for (int b = a; b < hits && at[b] - at[a] < 3 * maxLen; b++) {
                int words = index.saying(at[a], at[b]) + quietHits[b + 1] - quietHits[a];
                if (words > maxLen || at[b] - at[a] + 1 < terms) continue;
                spans.add(new long[] {words, at[b] - at[a], at[a], at[b]});
            }
        }
        // the sort is paid for too: n log n
        if (!budget.spend((long) spans.size() * (1 + 64 - Long.numberOfLeadingZeros(spans.size())))) return null;
        spans.sort(Comparator.<long[]>comparingLong(x -> x[0]).thenComparingLong(x -> x[1]).thenComparingLong(x -> x[2]));
        int[] pick = new int[terms];
        BitSet taken = new BitSet(3 * maxLen);  // by offset from a window's start; assign() leaves it clear whenever it fails
        for (long[] span : spans) {
            int from = (int) span[2], to = (int) span[3];
            if (assign(p, seg, from, to, 0, pick, taken, budget)) {
                int[] consumed = new int[p.literals];
                int min = Integer.MAX_VALUE, max = -1;
                for (int t = 0, k = 0; t < terms; t++) {
                    if (p.terms.get(t).literal()) consumed[k++] = pick[t];
                    min = Math.min(min, pick[t]);
                    max = Math.max(max, pick[t]);
                }
                return new Match(p, min, max, consumed, clauseOf[min] != clauseOf[max]);
            }
            if (budget.spent()) return null;
        }
        return null;
    }

    /** Assigns terms from {@code term} on to distinct words of {@code seg[from..to]}; every word tried is paid for. */
    private static boolean assign(Phrase p, List<Token> seg, int from, int to, int term, int[] pick, BitSet taken,
                                  Budget budget) {
        if (term == p.terms.size()) return true;
        if (!budget.spend(to - from + 1)) return false;
        Phrase.Term t = p.terms.get(term);
        for (int i = from; i <= to; i++) {
            if (taken.get(i - from) || !t.matches(seg.get(i))) continue;
            taken.set(i - from);
            pick[term] = i;
            if (assign(p, seg, from, to, term + 1, pick, taken, budget)) return true;
            taken.clear(i - from);
        }
        return false;
    }
}
