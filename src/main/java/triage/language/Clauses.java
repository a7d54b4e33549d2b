package triage.language;

import triage.language.PhraseFinder.Match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The weak clauses of one segment (parted by "and", "or", commas, colons) and the phrase windows
 * found in them: each phrase inside each clause, and across an "and"/"or" near the join.
 */
final class Clauses {
    /** How far, in words, a phrase may reach across an "and" or "or": no phrase is longer than this. */
    private static final int REACH = 12;

    /** The clause index of each token. */
    final int[] of;
    /** The index of the last clause. */
    final int last;
    /** Where each clause's first and last words are ({@code -1} first: a clause of no words). */
    final int[] first, lastWord;

    private Clauses(List<Token> seg) {
        int n = seg.size();
        of = new int[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (seg.get(i).kind() == Token.Kind.WEAK_BREAK) c++;
            of[i] = c;
        }
        last = c;
        first = new int[c + 1];
        lastWord = new int[c + 1];
        Arrays.fill(first, -1);
        for (int i = 0; i < n; i++) {
            if (seg.get(i).kind() == Token.Kind.WEAK_BREAK) continue;
            if (first[of[i]] < 0) first[of[i]] = i;
            lastWord[of[i]] = i;
        }
    }

    static Clauses of(List<Token> seg) { return new Clauses(seg); }

    /**
     * Drops from {@code accepted} each phrase that, reaching across "and" or "or", took a word of state a phrase of the
     * far clause took as its own while a phrase of its own clause states a fact already: "the web nodes go to 100% cpu
     * and the api times out" times no node out. "redis and etcd are down" still shares its "down" (nothing else is
     * said of redis), and a colon joins an error to its source ("etcdserver: request timed out"). Linear.
     */
    void dropBorrowedStates(List<Match> accepted, List<Token> seg) {
        boolean[] stated = new boolean[last + 1], taken = new boolean[seg.size()];
        boolean crossing = false;
        for (Match o : accepted) {
            crossing |= o.crossing();
            if (o.crossing()) continue;
            stated[of[o.from()]] = true;
            for (int i : o.classed()) taken[i] = true;
        }
        if (crossing) accepted.removeIf(m -> m.crossing() && stated[of[m.from()]] && byWord(m, seg)
                && Arrays.stream(m.classed()).anyMatch(i -> taken[i] && of[i] != of[m.from()]));
    }

    /** Whether the break {@code m} reaches across is a word ("and", "or"), not a colon. */
    private static boolean byWord(Match m, List<Token> seg) {
        for (int k = m.from(); k < m.to(); k++) {
            Token t = seg.get(k);
            if (t.kind() == Token.Kind.WEAK_BREAK && Character.isLetter(t.stem().charAt(0))) return true;
        }
        return false;
    }

    /** Every phrase window in the segment, within the budget. */
    List<Match> find(PhraseFinder finder, List<Token> seg, int[] ids, PhraseFinder.Marks marks, Budget budget) {
        List<Match> found = new ArrayList<>();
        Positions index = new Positions(seg);
        // each phrase inside each clause, a long clause in overlapping stretches of two spans (no
        // window is longer than a span): the work is linear in the clause's length
        for (int c = 0; c <= last; c++) {
            if (first[c] < 0) continue;
            for (int lo = first[c]; ; lo += PhraseFinder.SPAN) {
                int hi = Math.min(lastWord[c], lo + 2 * PhraseFinder.SPAN - 1);
                for (Phrase p : finder.candidates(seg, ids, lo, hi, marks, budget)) {
                    Match m = PhraseFinder.window(p, index, seg, of, lo, hi, marks, budget);
                    if (m != null) found.add(m);
                }
                if (hi == lastWord[c]) break;
            }
        }
        // across "and"/"or" (never a comma: a comma ends a clause's reach), only within the two
        // clauses it joins and near the join
        for (int i = 0; i < seg.size(); i++) {
            Token t = seg.get(i);
            if (t.kind() != Token.Kind.WEAK_BREAK) continue;
            int left = of[i] - 1, right = of[i];
            if (first[left] < 0 || first[right] < 0) continue;
            // a comma parts clauses, except after an opening subordinate clause, which says what the next one is about
            if (t.stem().equals(",") && (left != 0 || !Openers.opens(seg, first[left]))) continue;
            int lo = Math.max(first[left], i - REACH), hi = Math.min(lastWord[right], i + REACH);
            for (Phrase p : finder.candidates(seg, ids, lo, hi, marks, budget)) {
                Match m = PhraseFinder.window(p, index, seg, of, lo, hi, marks, budget);
                if (m != null && m.crossing()) found.add(m);
            }
        }
        return found;
    }
}
