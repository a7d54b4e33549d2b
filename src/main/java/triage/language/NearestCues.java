package triage.language;

import triage.language.PhraseFinder.Match;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several facts in one clause ("triggers not running websocket down"): each cue goes to the phrase
 * nearest to it, so the clause's negation and its failure word are not counted twice against
 * both facts. A negation that sits as near to the next phrase as to the previous one goes
 * forward ("neither login nor search"), a word of state goes back ("ws dead"). A phrase that no
 * cue is nearest to shares a neighbour's when only stopwords part them ("redis etcd core all
 * down", "no flood from any single client"), else it has none ("all pooled connections in use, db cpu low"). Linear: the clause's
 * phrases and cues are walked once, both in order of position.
 */
final class NearestCues {
    private NearestCues() {}

    /** The cues of each phrase that shares its clause with another; phrases alone in theirs are absent. */
    static Map<Match, Cues> of(List<Token> seg, List<Match> accepted, int[] clauseOf, boolean[] used) {
        Map<Match, Cues> out = new IdentityHashMap<>();
        List<Match> inClause = new ArrayList<>();
        // accepted is sorted by start; runs of one clause are consecutive
        for (int k = 0; k <= accepted.size(); k++) {
            Match m = k < accepted.size() ? accepted.get(k) : null;
            if (m != null && m.crossing()) continue;
            if (m != null && (inClause.isEmpty() || clauseOf[m.from()] == clauseOf[inClause.get(0).from()])) {
                inClause.add(m);
                continue;
            }
            if (inClause.size() >= 2) assign(seg, inClause, clauseOf, used, out);
            inClause.clear();
            if (m != null) inClause.add(m);
        }
        return out;
    }

    private static void assign(List<Token> seg, List<Match> ms, int[] clauseOf, boolean[] used, Map<Match, Cues> out) {
        int clause = clauseOf[ms.get(0).from()];
        int lo = ms.get(0).from(), hi = ms.get(ms.size() - 1).to();
        while (lo > 0 && clauseOf[lo - 1] == clause) lo--;
        while (hi + 1 < seg.size() && clauseOf[hi + 1] == clause) hi++;
        int j = 0;
        for (int i = lo; i <= hi; i++) {
            Token t = seg.get(i);
            if (!t.word() || used[i] || !t.cue()) continue;
            // the last phrase starting at or before i, and the one after it
            while (j + 1 < ms.size() && ms.get(j + 1).from() <= i) j++;
            Match before = ms.get(j).from() <= i ? ms.get(j) : null;
            Match after = before == null ? ms.get(j) : j + 1 < ms.size() ? ms.get(j + 1) : null;
            Match to;
            if (before == null) to = after;
            else if (after == null) to = before;
            else {
                int db = Math.max(0, i - before.to()), da = after.from() - i;
                to = db < da ? before : da < db ? after : t.negation() ? after : before;
            }
            out.computeIfAbsent(to, x -> new Cues()).add(t);
        }
        // a phrase no cue is nearest to shares the cues of a neighbour that only stopwords part it
        // from, the next first (a list of subjects: "redis etcd core all down"), then the previous
        // ("no flood from any single client"); else it has no cue of its own
        for (int k = ms.size() - 1; k >= 0; k--) {
            Match m = ms.get(k);
            if (out.containsKey(m)) continue;
            if (k + 1 < ms.size() && out.containsKey(ms.get(k + 1)) && onlyStopwords(seg, m.to() + 1, ms.get(k + 1).from())) {
                out.put(m, out.get(ms.get(k + 1)));
            }
        }
        for (int k = 0; k < ms.size(); k++) {
            Match m = ms.get(k);
            if (out.containsKey(m)) continue;
            boolean joined = k > 0 && out.containsKey(ms.get(k - 1)) && onlyStopwords(seg, ms.get(k - 1).to() + 1, m.from());
            out.put(m, joined ? out.get(ms.get(k - 1)) : new Cues());
        }
    }

    private static boolean onlyStopwords(List<Token> seg, int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = seg.get(i);
            if (t.word() && !t.stop() && !t.bare()) return false;
        }
        return true;
    }
}
