package triage.language;

import triage.knowledge.Knowledge;
import triage.knowledge.Lexicon;
import triage.knowledge.Runbook;
import triage.knowledge.Symptom;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what people type as observations. Built once per knowledge set (phrases compiled, the
 * vocabulary indexed); {@link #read} is thread-safe.
 *
 * <p>How a sentence is read:
 * <ol>
 * <li>It is cut into segments at strong breaks ({@code . ; :}, "but", "however", "except").
 * <li>Within a segment, every symptom phrase looks for the smallest window holding all its
 *     terms, first inside one clause (clauses are parted by "and", "or", commas), then across
 *     clauses. Phrases with more words win; a word serves one phrase only, except words of
 *     state ("down", "works") which several subjects may share.
 * <li>A clause's polarity comes from the cues no phrase consumed: an odd number of negations
 *     turns it; a failure word turns a symptom of something working, a word of health turns a
 *     symptom of a fault. A clause that is a bare noun phrase ("login and search fail") takes
 *     the cues of its neighbour; after "except" a clause without cues takes the opposite of what
 *     came before ("everything works except login").
 * </ol>
 * Nothing is guessed: a text where no phrase matched is returned as unrecognized.
 */
public final class Interpreter {
    private final Analyzer analyzer;
    private final List<Phrase> phrases = new ArrayList<>();
    /** For each concept, the phrases that need it: only those are tried on a text. */
    private final Map<String, List<Phrase>> byConcept = new HashMap<>();
    private final Map<String, Symptom> symptoms;
    private final Map<String, Set<String>> runbookKeywords = new LinkedHashMap<>();
    private final Set<String> yes = new HashSet<>();
    private final Set<String> no = new HashSet<>();

    public Interpreter(Knowledge knowledge) {
        this.symptoms = knowledge.symptoms();
        List<String> vocabulary = new ArrayList<>();
        for (Symptom s : knowledge.symptoms().values()) {
            vocabulary.addAll(s.says());
            vocabulary.addAll(s.denies());
        }
        for (Runbook r : knowledge.runbooks().values()) vocabulary.addAll(r.keywords());
        knowledge.components().values().forEach(c -> vocabulary.add(c.name()));
        Lexicon lx = knowledge.lexicon();
        this.analyzer = new Analyzer(lx, vocabulary);
        List<String> problems = new ArrayList<>();
        for (Symptom s : knowledge.symptoms().values()) {
            compile(s, s.says(), true, problems);
            compile(s, s.denies(), false, problems);
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("\n", problems));
        for (Phrase p : phrases) {
            Set<String> seen = new HashSet<>();
            for (Phrase.Term t : p.terms) {
                if (!t.literal()) continue;
                for (String c : t.concepts()) if (seen.add(c)) byConcept.computeIfAbsent(c, k -> new ArrayList<>()).add(p);
            }
        }
        for (Runbook r : knowledge.runbooks().values()) {
            Set<String> kw = new HashSet<>();
            for (String k : r.keywords()) kw.addAll(analyzer.conceptsOf(k));
            runbookKeywords.put(r.id(), kw);
        }
        for (String y : lx.yes()) yes.add(String.join(" ", analyzer.conceptsOf(y)));
        for (String n : lx.no()) no.add(String.join(" ", analyzer.conceptsOf(n)));
    }

    private void compile(Symptom s, List<String> texts, boolean affirms, List<String> problems) {
        for (String t : texts) {
            try {
                phrases.add(Phrase.compile(s.id(), affirms, t, analyzer));
            } catch (IllegalArgumentException e) {
                problems.add("symptom '" + s.id() + "': " + e.getMessage());
            }
        }
    }

    /** Reads every text; symptoms later in the batch win over earlier ones about the same thing. */
    public Interpretation read(List<String> texts) {
        List<Reading> readings = new ArrayList<>();
        List<String> unrecognized = new ArrayList<>();
        Set<String> runbooks = new LinkedHashSet<>();
        for (String text : texts) {
            List<Token> tokens = analyzer.tokens(text);
            List<Reading> r = read(text, tokens);
            if (r.isEmpty()) unrecognized.add(text);
            readings.addAll(r);
            for (Map.Entry<String, Set<String>> e : runbookKeywords.entrySet()) {
                for (Token t : tokens) if (e.getValue().contains(t.stem())) runbooks.add(e.getKey());
            }
        }
        return new Interpretation(readings, unrecognized, runbooks);
    }

    public Interpretation read(String text) { return read(List.of(text)); }

    /**
     * How a text was analysed, for people writing phrases: each concept, with {@code !} after a
     * negation, {@code -} after a failure word, {@code +} after a word of health, {@code |} for
     * clause breaks. "can't loggin" reads {@code can not! login}.
     */
    public String analysed(String text) {
        StringBuilder sb = new StringBuilder();
        for (Token t : analyzer.tokens(text)) {
            if (sb.length() > 0) sb.append(' ');
            switch (t.kind()) {
                case STRONG_BREAK -> sb.append("||");
                case WEAK_BREAK -> sb.append('|');
                case EXCEPT -> sb.append("|except|");
                case WORD -> {
                    sb.append(t.stem());
                    if (t.negation()) sb.append('!');
                    if (t.failure()) sb.append('-');
                    if (t.healthy()) sb.append('+');
                }
            }
        }
        return sb.toString();
    }

    /**
     * A short answer to a yes/no question: {@code TRUE} for yes, {@code FALSE} for no, null when
     * the text is not a short answer. Only the opening words count ("nope, still broken").
     */
    public Boolean shortAnswer(String text) {
        List<Token> tokens = analyzer.tokens(text);
        List<String> words = new ArrayList<>();
        for (Token t : tokens) {
            if (!t.word()) break;
            words.add(t.stem());
        }
        for (int n = Math.min(3, words.size()); n >= 1; n--) {
            String head = String.join(" ", words.subList(0, n));
            if (yes.contains(head)) return Boolean.TRUE;
            if (no.contains(head)) return Boolean.FALSE;
        }
        return null;
    }

    /**
     * How a text without a subject answers a question about {@code symptomId}: "works now",
     * "still broken", "it does not". Null when it carries no cue at all.
     */
    public Boolean polarityAbout(String symptomId, String text) {
        Symptom s = symptoms.get(symptomId);
        if (s == null) return null;
        Cues c = new Cues();
        for (Token t : analyzer.tokens(text)) if (t.word()) c.add(t);
        if (!c.any()) return null;
        return c.affirms(s.good());
    }

    private record Match(Phrase phrase, int from, int to, BitSet consumed, boolean crossing) {}

    private List<Reading> read(String text, List<Token> tokens) {
        List<Reading> out = new ArrayList<>();
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
    private boolean segment(String text, List<Token> seg, boolean afterExcept, boolean previousGood, List<Reading> out) {
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
            out.add(new Reading(text, s.id(), pr));
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

    /** The cues of a clause: negation parity, and whether failure or health was said. */
    private static final class Cues {
        int negations;
        boolean failure;
        boolean healthy;

        void add(Token t) {
            if (t.negation()) negations++;
            if (t.failure()) failure = true;
            if (t.healthy()) healthy = true;
        }

        boolean any() { return negations > 0 || failure || healthy; }

        /** Whether the clause affirms a symptom of something working ({@code good}) or of a fault. */
        boolean affirms(boolean good) {
            boolean negated = (negations % 2) == 1;
            return !(negated ^ (good ? failure : healthy));
        }

        static Cues opposite(boolean previousGood) {
            Cues c = new Cues();
            if (previousGood) c.negations = 1;
            return c;
        }
    }
}
