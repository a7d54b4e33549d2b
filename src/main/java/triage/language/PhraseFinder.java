package triage.language;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the symptom phrases are in a segment of tokens: for a stretch of words, the phrases whose
 * terms it holds, and for each the smallest window holding them all on distinct words. It decides
 * nothing about polarity ({@link PhraseMatcher} does). Every step is paid from the request's
 * {@link Budget}; immutable once built; thread-safe.
 */
final class PhraseFinder {
    /**
     * {@code consumed}: the positions of the words the phrase's own words took; {@code classed}: those
     * its class terms ({@code @fail}, {@code @state}, ...) took, which other phrases may share.
     */
    record Match(Phrase phrase, int from, int to, int[] consumed, int[] classed, boolean crossing) {}

    /**
     * The most tokens a window may span: a phrase has at most {@link Phrase#MAX_TERMS} terms and
     * four words of gap, and a window may hold as many stopwords again (see {@link #window}).
     */
    static final int SPAN = 3 * (Phrase.MAX_TERMS + 4);

    /** Each concept that some phrase's word names, by number; per number, the phrases naming it and their numbers. */
    private final Map<String, Integer> conceptIds = new HashMap<>();
    private final Phrase[][] phrasesOf;
    private final int[][] phraseIdsOf;
    /** Per phrase number: for each of its literal terms, the numbers of the concepts it accepts; and the classes it needs. */
    private final int[][][] literalsOf;
    private final int[] termCount;
    private final Phrase.Cls[][] classesOf;

    PhraseFinder(Map<String, List<Phrase>> byConcept) {
        Map<Phrase, Integer> phraseIds = new IdentityHashMap<>();
        List<Phrase> phrases = new ArrayList<>();
        for (String c : byConcept.keySet()) conceptIds.put(c, conceptIds.size());
        phrasesOf = new Phrase[conceptIds.size()][];
        phraseIdsOf = new int[conceptIds.size()][];
        for (Map.Entry<String, List<Phrase>> e : byConcept.entrySet()) {
            int c = conceptIds.get(e.getKey());
            phrasesOf[c] = e.getValue().toArray(new Phrase[0]);
            phraseIdsOf[c] = new int[phrasesOf[c].length];
            for (int k = 0; k < phrasesOf[c].length; k++) {
                Phrase p = phrasesOf[c][k];
                phraseIdsOf[c][k] = phraseIds.computeIfAbsent(p, q -> { phrases.add(q); return phrases.size() - 1; });
            }
        }
        literalsOf = new int[phrases.size()][][];
        termCount = new int[phrases.size()];
        classesOf = new Phrase.Cls[phrases.size()][];
        for (int id = 0; id < phrases.size(); id++) {
            List<int[]> literal = new ArrayList<>();
            List<Phrase.Cls> classes = new ArrayList<>();
            for (Phrase.Term t : phrases.get(id).terms) {
                if (t.cls() != Phrase.Cls.NONE) classes.add(t.cls());
                else literal.add(t.concepts().stream().mapToInt(conceptIds::get).toArray());
            }
            literalsOf[id] = literal.toArray(new int[0][]);
            classesOf[id] = classes.toArray(new Phrase.Cls[0]);
            termCount[id] = phrases.get(id).terms.size();
        }
    }

    /**
     * What {@link #candidates} marks while it looks: which concepts a stretch holds and which
     * phrases it has judged, by the number of the look that marked them, so that one set of
     * marks serves every stretch of a text without clearing. One per reading; not thread-safe.
     */
    final class Marks {
        private final int[] concept = new int[phrasesOf.length];
        private final int[] phrase = new int[termCount.length];
        private int look;
        // what window() works in, kept from one phrase to the next
        private long[] marked = new long[2];
        private int[] at = new int[2 * SPAN], quietHits = new int[2 * SPAN + 1];
        private long[] spans = new long[64];
        private final int[] pick = new int[Phrase.MAX_TERMS];
        private final BitSet taken = new BitSet(3 * (Phrase.MAX_TERMS + 4));
    }

    Marks marks() { return new Marks(); }

    /**
     * The number of each token's concept in {@code seg}, -1 where no phrase names it: looked up
     * once per segment, where {@link #candidates} scans each word in several stretches.
     */
    int[] conceptsOf(List<Token> seg) {
        int[] ids = new int[seg.size()];
        for (int i = 0; i < ids.length; i++) {
            Token t = seg.get(i);
            Integer c = t.word() ? conceptIds.get(t.stem()) : null;
            ids[i] = c == null ? -1 : c;
        }
        return ids;
    }

    /**
     * The phrases that {@code seg[lo..hi]} holds every term of (by concept and by class, not yet
     * by position): only those are worth a window. {@code ids} is {@link #conceptsOf}{@code (seg)}.
     * Every word scanned and phrase looked at is paid for.
     */
    List<Phrase> candidates(List<Token> seg, int[] ids, int lo, int hi, Marks marks, Budget budget) {
        if (!budget.spend(hi - lo + 1)) return List.of();
        int look = ++marks.look;
        int[] present = marks.concept;
        // the concepts some phrase names, present here, in the order the words come
        int[] order = new int[hi - lo + 1];
        int distinct = 0;
        boolean neg = false, fail = false, ok = false;
        int words = 0;
        for (int i = lo; i <= hi; i++) {
            Token t = seg.get(i);
            if (!t.word()) continue;
            words++;
            int c = ids[i];
            if (c >= 0 && present[c] != look) {
                present[c] = look;
                order[distinct++] = c;
            }
            neg |= t.negation();
            fail |= t.failure();
            ok |= t.healthy();
        }
        // in the order the words come, so that of two equal phrases the one starting earlier is tried first
        List<Phrase> out = new ArrayList<>();
        int[] tried = marks.phrase;
        for (int k = 0; k < distinct; k++) {
            int c = order[k];
            if (!budget.spend(phrasesOf[c].length)) return out;
            for (int j = 0; j < phrasesOf[c].length; j++) {
                int id = phraseIdsOf[c][j];
                if (tried[id] == look) continue;  // a phrase of several words present here is judged once
                tried[id] = look;
                if (termCount[id] <= words && holds(id, present, look, neg, fail, ok)) out.add(phrasesOf[c][j]);
            }
        }
        return out;
    }

    private boolean holds(int id, int[] present, int look, boolean neg, boolean fail, boolean ok) {
        next:
        for (int[] accepts : literalsOf[id]) {
            for (int c : accepts) if (present[c] == look) continue next;
            return false;
        }
        for (Phrase.Cls cls : classesOf[id]) {
            boolean any = switch (cls) {
                case NONE -> true;
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
    static Match window(Phrase p, Positions index, List<Token> seg, int[] clauseOf, int lo, int hi, Marks marks, Budget budget) {
        int terms = p.terms.size();
        int maxLen = terms + 4;
        if (hi - lo + 1 < terms) return null;
        // the words some term matches, from the segment's index: the work is the hits, not the
        // stretch; a bit per word of the stretch keeps them in order and each once
        int blocks = ((hi - lo) >>> 6) + 1;
        if (marks.marked.length < blocks) marks.marked = new long[blocks];
        long[] marked = marks.marked;
        java.util.Arrays.fill(marked, 0, blocks, 0L);
        for (Phrase.Term t : p.terms) {
            boolean any = false;
            for (int[] at : index.of(t)) {
                int k = Positions.firstAtLeast(at, lo), from = k;
                for (; k < at.length && at[k] <= hi; k++) marked[(at[k] - lo) >>> 6] |= 1L << (at[k] - lo);
                any |= k > from;
                if (!budget.spend(1 + k - from)) return null;
            }
            // a term no word matches: no window can hold the phrase
            if (!any) return null;
        }
        int hits = 0;
        for (int b = 0; b < blocks; b++) hits += Long.bitCount(marked[b]);
        if (marks.at.length < hits) {
            marks.at = new int[hits];
            marks.quietHits = new int[hits + 1];
        }
        int[] at = marks.at;
        for (int b = 0, h = 0; b < blocks; b++) {
            for (long w = marked[b]; w != 0; w &= w - 1) at[h++] = lo + (b << 6) + Long.numberOfTrailingZeros(w);
        }
        // words that say something between two hits: stopwords do not widen a window, unless a term matched them
        int[] quietHits = marks.quietHits;
        for (int k = 0; k < hits; k++) quietHits[k + 1] = quietHits[k] + (index.says(at[k]) ? 0 : 1);
        // candidate windows start and end on matched words; smallest first (in words that say
        // something, then in all words)
        // each span one number, words above width above start, so that sorting the numbers sorts the spans
        long[] spans = marks.spans;
        int spanCount = 0;
        for (int a = 0; a < hits; a++) {
            for (int b = a; b < hits && at[b] - at[a] < 3 * maxLen; b++) {
                int words = index.saying(at[a], at[b]) + quietHits[b + 1] - quietHits[a];
                if (words > maxLen || at[b] - at[a] + 1 < terms) continue;
                if (spanCount == spans.length) spans = marks.spans = java.util.Arrays.copyOf(spans, 2 * spanCount);
                spans[spanCount++] = (long) words << 40 | (long) (at[b] - at[a]) << 32 | at[a];
            }
        }
        // the sort is paid for too: n log n
        if (!budget.spend((long) spanCount * (1 + 64 - Long.numberOfLeadingZeros(spanCount)))) return null;
        java.util.Arrays.sort(spans, 0, spanCount);
        int[] pick = marks.pick;
        BitSet taken = marks.taken;  // by offset from a window's start; assign() leaves it clear whenever it fails
        taken.clear();
        for (int s = 0; s < spanCount; s++) {
            int from = (int) spans[s], to = from + (int) (spans[s] >>> 32 & 0xFF);
            if (assign(p, seg, from, to, 0, pick, taken, budget)) {
                int[] consumed = new int[p.literals], classed = new int[terms - p.literals];
                int min = Integer.MAX_VALUE, max = -1;
                for (int t = 0, k = 0, c = 0; t < terms; t++) {
                    if (p.terms.get(t).literal()) consumed[k++] = pick[t];
                    else classed[c++] = pick[t];
                    min = Math.min(min, pick[t]);
                    max = Math.max(max, pick[t]);
                }
                return new Match(p, min, max, consumed, classed, clauseOf[min] != clauseOf[max]);
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

    /**
     * The matches, best first: a phrase inside one clause beats one that must reach across
     * clauses; then more words win, then the narrower window, then the one found first. Sorted as
     * numbers (one per match, those four keys from the highest bits down), since a segment of a
     * long body can hold thousands of matches.
     */
    static List<Match> best(List<Match> found) {
        long[] keys = new long[found.size()];
        for (int i = 0; i < keys.length; i++) {
            Match m = found.get(i);
            keys[i] = (m.crossing() ? 1L : 0L) << 62 | (long) (Phrase.MAX_TERMS - m.phrase().literals) << 56
                    | (long) (m.to() - m.from()) << 32 | i;
        }
        java.util.Arrays.sort(keys);
        List<Match> out = new ArrayList<>(keys.length);
        for (long k : keys) out.add(found.get((int) k));
        return out;
    }
}
