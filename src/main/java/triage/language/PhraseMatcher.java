package triage.language;

import triage.knowledge.Symptom;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the symptom phrases in a tokenized text and decides each one's polarity from the cues
 * around it (see {@link Interpreter} for the reading rules). Immutable once built; thread-safe.
 */
final class PhraseMatcher {
    private final Map<String, List<Phrase>> byConcept;
    private final Map<String, Symptom> symptoms;

    PhraseMatcher(Map<String, List<Phrase>> byConcept, Map<String, Symptom> symptoms) {
        this.byConcept = byConcept;
        this.symptoms = symptoms;
    }

    private record Match(Phrase phrase, int from, int to, BitSet consumed, boolean crossing) {}

    List<Observation> read(String text, List<Token> tokens) {
        List<Observation> out = new ArrayList<>();
        boolean previousGood = true;
        boolean afterExcept = false;
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean end = i == tokens.size();
            Token.Kind k = end ? null : tokens.get(i).kind();
            if (end || k == Token.Kind.STRONG_BREAK || k == Token.Kind.EXCEPT) {
                if (i > start) {
                    previousGood = segment(text, tokens.subList(start, i), afterExcept, previousGood, out);
                }
                afterExcept = k == Token.Kind.EXCEPT;
                start = i + 1;
            }
        }
        return out;
    }

    /** Reads one segment into {@code out}; returns whether it said things work (for a following "except"). */
    private boolean segment(String text, List<Token> seg, boolean afterExcept, boolean previousGood, List<Observation> out) {
        int n = seg.size();
        // clause index of each token, by weak breaks alone
        int[] clauseOf = new int[n];
        int clause = 0;
        for (int i = 0; i < n; i++) {
            if (seg.get(i).kind() == Token.Kind.WEAK_BREAK) clause++;
            clauseOf[i] = clause;
        }
        Set<Phrase> candidates = new LinkedHashSet<>();
        for (Token t : seg) if (t.word()) candidates.addAll(byConcept.getOrDefault(t.stem(), List.of()));

        List<Match> found = new ArrayList<>();
        for (Phrase p : candidates) {
            for (int c = 0; c <= clause; c++) {
                Match m = window(p, seg, clauseOf, c);
                if (m != null) found.add(m);
            }
            Match across = window(p, seg, clauseOf, -1);
            if (across != null && across.crossing()) found.add(across);
        }
        // a phrase inside one clause beats one that must reach across clauses; then more words win
        found.sort(Comparator.comparing(Match::crossing)
                .thenComparingInt((Match m) -> -m.phrase().literals)
                .thenComparingInt(m -> m.to() - m.from()));
        BitSet used = new BitSet(n);
        List<Match> accepted = new ArrayList<>();
        for (Match m : found) {
            if (m.consumed().intersects(used)) continue;
            used.or(m.consumed());
            accepted.add(m);
        }

        // weak breaks inside an accepted window do not part clauses
        int[] part = new int[n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            if (seg.get(i).kind() == Token.Kind.WEAK_BREAK && !inside(i, accepted)) p++;
            part[i] = p;
        }
        int parts = p + 1;
        // cues per weak clause; a part joined by a phrase takes the last of its clauses that has any
        // ("backoffice is empty, no systems listed" must not cancel its two negatives)
        Cues[] clauseCues = new Cues[clause + 1];
        for (int c = 0; c <= clause; c++) clauseCues[c] = new Cues();
        boolean[] bare = new boolean[parts];
        java.util.Arrays.fill(bare, true);
        for (int i = 0; i < n; i++) {
            Token t = seg.get(i);
            if (!t.word() || used.get(i)) continue;
            clauseCues[clauseOf[i]].add(t);
            if (!t.bare() && !t.cue()) bare[part[i]] = false;
        }
        Cues[] cues = new Cues[parts];
        for (int c = 0; c < parts; c++) cues[c] = new Cues();
        for (int i = 0; i < n; i++) {
            if (clauseCues[clauseOf[i]].any()) cues[part[i]] = clauseCues[clauseOf[i]];
        }
        Cues[] effective = new Cues[parts];
        for (int c = 0; c < parts; c++) {
            effective[c] = cues[c];
            if (!cues[c].any() && bare[c]) effective[c] = neighbour(cues, c);
        }
        for (int c = 0; c < parts; c++) {
            if (afterExcept && !effective[c].any()) effective[c] = Cues.opposite(previousGood);
        }

        accepted.sort(Comparator.comparingInt(Match::from));
        // a fault named in a clause without other cues means what it names there failed:
        // "execute gives no core instances" says execute fails
        boolean[] fault = new boolean[parts];
        Map<Match, Boolean> present = new HashMap<>();
        for (Match m : accepted) {
            Symptom s = symptoms.get(m.phrase().symptom);
            if (s.good()) continue;
            boolean pr = m.phrase().affirms == effective[part[m.from()]].affirms(false);
            present.put(m, pr);
            if (pr) fault[part[m.from()]] = true;
        }
        for (Match m : accepted) {
            Symptom s = symptoms.get(m.phrase().symptom);
            int at = part[m.from()];
            boolean pr = present.containsKey(m) ? present.get(m)
                    : !effective[at].any() && fault[at] ? !m.phrase().affirms
                    : m.phrase().affirms == effective[at].affirms(true);
            out.add(new Observation(s.id(), pr, text, Observation.TEXT));
        }
        Cues last = effective[parts - 1];
        for (int c = parts - 1; c >= 0 && !last.any(); c--) last = effective[c];
        return !last.any() || last.affirms(true);
    }

    private static Cues neighbour(Cues[] cues, int c) {
        for (int j = c + 1; j < cues.length; j++) if (cues[j].any()) return cues[j];
        for (int j = c - 1; j >= 0; j--) if (cues[j].any()) return cues[j];
        return cues[c];
    }

    private static boolean inside(int i, List<Match> accepted) {
        for (Match m : accepted) if (i > m.from() && i < m.to()) return true;
        return false;
    }

    /**
     * The smallest window of {@code seg} holding every term of {@code p} on distinct words, within
     * clause {@code clause} or, with -1, anywhere in the segment. Gaps of up to four words are
     * allowed beyond the phrase's own length.
     */
    private static Match window(Phrase p, List<Token> seg, int[] clauseOf, int clause) {
        int n = seg.size();
        int terms = p.terms.size();
        int maxLen = terms + 4;
        // a term no word of the clause (or segment) matches: no window can hold the phrase
        for (Phrase.Term t : p.terms) {
            boolean any = false;
            for (int i = 0; i < n && !any; i++) any = (clause < 0 || clauseOf[i] == clause) && t.matches(seg.get(i));
            if (!any) return null;
        }
        int[] pick = new int[terms];
        BitSet taken = new BitSet(n);  // assign() leaves it clear whenever it fails
        for (int len = terms; len <= Math.min(maxLen, n); len++) {
            for (int from = 0; from + len <= n; from++) {
                int to = from + len - 1;
                if (clause >= 0 && (clauseOf[from] != clause || clauseOf[to] != clause)) continue;
                if (assign(p, seg, from, to, 0, pick, taken)) {
                    BitSet consumed = new BitSet(n);
                    int lo = Integer.MAX_VALUE, hi = -1;
                    for (int t = 0; t < terms; t++) {
                        if (p.terms.get(t).literal()) consumed.set(pick[t]);
                        lo = Math.min(lo, pick[t]);
                        hi = Math.max(hi, pick[t]);
                    }
                    boolean crossing = clauseOf[lo] != clauseOf[hi];
                    return new Match(p, lo, hi, consumed, crossing);
                }
            }
        }
        return null;
    }

    private static boolean assign(Phrase p, List<Token> seg, int from, int to, int term, int[] pick, BitSet taken) {
        if (term == p.terms.size()) return true;
        Phrase.Term t = p.terms.get(term);
        for (int i = from; i <= to; i++) {
            if (taken.get(i) || !t.matches(seg.get(i))) continue;
            taken.set(i);
            pick[term] = i;
            if (assign(p, seg, from, to, term + 1, pick, taken)) return true;
            taken.clear(i);
        }
        return false;
    }
}
