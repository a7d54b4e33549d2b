package triage.language;

import triage.language.PhraseFinder.Match;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
    static Map<Match, Cues> of(List<Token> seg, List<Match> accepted, int[] clauseOf, boolean[] used, Predicate<Phrase> faults) {
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
            if (inClause.size() >= 2) assign(seg, inClause, clauseOf, used, faults, out);
            inClause.clear();
            if (m != null) inClause.add(m);
        }
        return out;
    }

    private static void assign(List<Token> seg, List<Match> ms, int[] clauseOf, boolean[] used, Predicate<Phrase> faults,
                               Map<Match, Cues> out) {
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
            // a fault stated right beside it is what befell it: "auth 500s", "the login gets no healthy
            // upstream", "index_not_found_exception on the systems page"
            if (m.phrase().affirms && (k + 1 < ms.size() && faultBeside(seg, m, ms.get(k + 1), faults)
                    || k > 0 && faultBeside(seg, m, ms.get(k - 1), faults))) {
                out.put(m, Cues.opposite(true));
                continue;
            }
            boolean joined = k > 0 && out.containsKey(ms.get(k - 1)) && onlyStopwords(seg, ms.get(k - 1).to() + 1, m.from());
            out.put(m, joined ? out.get(ms.get(k - 1)) : new Cues());
        }
    }

    /** Whether {@code d} states a fault (denies something working) and only stopwords part it from {@code m}. */
    private static boolean faultBeside(List<Token> seg, Match m, Match d, Predicate<Phrase> faults) {
        return faults.test(d.phrase()) && (d.from() > m.to() ? onlyStopwords(seg, m.to() + 1, d.from()) : onlyStopwords(seg, d.to() + 1, m.from()));
    }

    private static boolean onlyStopwords(List<Token> seg, int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = seg.get(i);
            if (t.word() && !t.stop() && !t.bare()) return false;
        }
        return true;
    }

    /** A phrase with no cue of its own takes those another phrase holds in its window ("the db and the queue look normal"). */
    static Cues held(Match m, Cues mine, List<Token> cued, boolean[] used) {
        if (mine.any() || !m.phrase().affirms) return mine;
        boolean[] own = new boolean[m.to() - m.from() + 1];
        for (int i : m.consumed()) own[i - m.from()] = true;
        Cues in = new Cues();
        for (int i = m.from(); i <= m.to(); i++) if (used[i] && !own[i - m.from()] && cued.get(i).cue()) in.add(cued.get(i));
        return in.any() ? in : mine;
    }

    /**
     * A phrase with no cue of its own that lies inside a denial's window takes the denial's word of
     * state when that word follows it ("backoffice search empty": the search is empty too), never its
     * negation. Not one with terms of state of its
     * own ("every ... @fail"), which a denial keeps its word from.
     */
    static Cues within(Match m, Cues mine, List<Match> accepted, List<Token> seg) {
        if (mine.any() || !m.phrase().affirms || m.classed().length > 0) return mine;
        for (Match d : accepted) {
            if (d.phrase().affirms || d.from() >= m.from() || d.to() <= m.to()) continue;
            Cues in = new Cues();
            // its word of state after the phrase, as a predicate follows its subjects; never a negation
            // written into the denial, nor a "not" that rules out what it names ("not a spike: ...")
            for (int i : d.consumed()) {
                Token t = seg.get(i);
                if (i > m.to() && !t.negation() && (t.failure() || t.healthy())) in.add(t);
            }
            if (in.any()) return in;
        }
        return mine;
    }

    /**
     * A clause's cues as they bear on a phrase that denies its symptom ("modules blank"): that
     * phrase holds its own state word, so only a negation before its end turns it; one after it
     * negates what follows ("the modules panel is blank with no functions in it" is one denial).
     */
    static Cues denial(Match m, Cues cues, List<Token> cued, boolean[] used, int[] part) {
        if (m.phrase().affirms || cues.negations == 0) return cues;
        int after = 0;
        for (int i = m.to() + 1; i < cued.size() && part[i] == part[m.from()]; i++) {
            if (!used[i] && cued.get(i).word() && cued.get(i).negation()) after++;
        }
        if (after == 0) return cues;
        Cues c = new Cues();
        c.negations = Math.max(0, cues.negations - after);
        c.failure = cues.failure;
        c.healthy = cues.healthy;
        return c;
    }
}
