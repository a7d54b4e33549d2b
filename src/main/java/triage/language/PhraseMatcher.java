package triage.language;

import triage.knowledge.Symptom;
import triage.language.PhraseFinder.Match;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the symptom phrases in a tokenized text and decides each one's polarity from the cues
 * around it (see {@link Interpreter} for the reading rules). Immutable once built; thread-safe.
 */
final class PhraseMatcher {
    private final PhraseFinder finder;
    private final Map<String, Symptom> symptoms;
    private final Hypotheses hypotheses;
    /** Concepts of arriving ({@code Lexicon#arrivals}): a phrase holding one states its own fact. */
    private final Set<String> arrivals;
    /** Concepts of level ({@code Lexicon#levels}: "grows", "high"): a phrase holding one states its own fact. */
    private final Set<String> levels;

    PhraseMatcher(Map<String, List<Phrase>> byConcept, Map<String, Symptom> symptoms, Hypotheses hypotheses,
                  Set<String> arrivals, Set<String> levels) {
        this.finder = new PhraseFinder(byConcept);
        this.symptoms = symptoms;
        this.hypotheses = hypotheses;
        this.arrivals = Set.copyOf(arrivals);
        this.levels = Set.copyOf(levels);
    }

    List<Observation> read(String text, List<Token> tokens, Budget budget) { return read(text, tokens, budget, null); }

    /**
     * As {@link #read(String, List, Budget)}, also collecting into {@code gaps} (when not null) the
     * clauses no phrase read that hold two words or more that say something: what reading by
     * example may still read.
     */
    List<Observation> read(String text, List<Token> said, Budget budget, List<String> gaps) {
        List<Token> tokens = Excepted.predicateFirst(said);
        List<Observation> out = new ArrayList<>();
        boolean previousGood = true;
        boolean afterExcept = false;
        int start = 0;
        PhraseFinder.Marks marks = finder.marks();
        for (int i = 0; i <= tokens.size(); i++) {
            boolean end = i == tokens.size();
            Token.Kind k = end ? null : tokens.get(i).kind();
            if (end || k == Token.Kind.STRONG_BREAK || k == Token.Kind.EXCEPT) {
                if (i > start) {
                    boolean question = !end && tokens.get(i).stem().equals("?");
                    previousGood = segment(text, tokens.subList(start, i), question, afterExcept, previousGood, marks, out, budget, gaps);
                }
                afterExcept = k == Token.Kind.EXCEPT;
                start = i + 1;
            }
        }
        // in pasted output a fault shown on any line is shown ("10.0.0.5:2379 is unhealthy" above a pod table whose
        // etcd-0 is Running, two nodes NotReady above a Ready one): what the paste says both ways is the fault
        if (out.size() > 1 && Breaks.pasted(text)) out.removeIf(o -> o.isPresent() == symptoms.get(o.getSymptom()).good()
                && out.stream().anyMatch(p -> p.getSymptom().equals(o.getSymptom()) && p.isPresent() != o.isPresent()));
        return out;
    }

    /** Reads one segment into {@code out}; returns whether it said things work (for a following "except"). */
    private boolean segment(String text, List<Token> seg, boolean question, boolean afterExcept, boolean previousGood, PhraseFinder.Marks marks,
                            List<Observation> out, Budget budget, List<String> gaps) {
        int n = seg.size(), before = out.size();
        // clause index of each token, by weak breaks alone, and where each clause starts and ends
        Clauses clauses = Clauses.of(seg);
        int[] clauseOf = clauses.of, first = clauses.first;
        int clause = clauses.last;
        if (!budget.spend(n)) return previousGood;
        List<Match> found = clauses.find(finder, seg, finder.conceptsOf(seg), marks, budget);
        boolean[] used = new boolean[n];
        List<Match> accepted = new ArrayList<>();
        boolean[] denied = new boolean[n];
        next:
        for (Match m : PhraseFinder.best(found)) {
            for (int i : m.consumed()) if (used[i]) continue next;
            // a word of state is shared by the phrases it ends ("redis and etcd are down", "the db and
            // traffic look normal"), unless a phrase that denies its symptom took it as its own within
            // one clause: "the modules list on every system is empty" is one fact, not also "all" failing
            if (!m.crossing()) for (int i : m.classed()) if (denied[i]) continue next;
            for (int i : m.consumed()) used[i] = true;
            if (!m.phrase().affirms) for (int i : m.consumed()) denied[i] = true;
            accepted.add(m);
        }
        clauses.dropBorrowedStates(accepted, seg);
        // what is guessed or asked ("we thought it was the database", "is redis dead?") is not seen; the words a guess
        // took from what is seen go to the phrases that read them there ("... because the queries are slow")
        boolean[] guessed = hypotheses.scope(seg, question);
        if (guessed != null && accepted.removeIf(m -> guessed[m.from()] || guessed[m.to()])) {
            boolean[] held = new boolean[n];
            for (Match m : accepted) for (int i : m.consumed()) held[i] = true;
            again:
            for (Match m : PhraseFinder.best(found)) {
                if (guessed[m.from()] || guessed[m.to()]) continue;
                // (a phrase already accepted fails here: its own words are held)
                for (int i : m.consumed()) if (held[i] || guessed[i]) continue again;
                for (int i : m.consumed()) held[i] = used[i] = true;
                accepted.add(m);
            }
            accepted.sort(Comparator.comparingInt(Match::from));
        }
        if (guessed != null) for (int i = 0; i < n; i++) used[i] |= guessed[i];
        if (gaps != null) UnreadClauses.of(seg, clauseOf, clause, accepted, used, gaps);

        // weak breaks inside an accepted window do not part clauses
        boolean[] inside = new boolean[n];
        for (Match m : accepted) for (int i = m.from() + 1; i < m.to(); i++) inside[i] = true;
        int[] part = new int[n];
        int p = 0;
        // the break each part ends at, when it is a word ("and", "or") and not a comma
        BitSet joinedByWord = new BitSet();
        // and the parts that end at a colon: each labels what follows ("exec response: 503, no core instances";
        // one stating an arrival states its own fact: "requests land on the api: ... 500")
        // and those a "then" follows: what happens next is how their subject went ("the page submits and then 500s")
        // and the parts that append an item to what came before ("..., the login endpoint included")
        BitSet labels = new BitSet(), sequels = new BitSet(), appended = new BitSet();
        for (int i = 0; i < n; i++) {
            if (seg.get(i).word() && seg.get(i).stem().startsWith("includ")) appended.set(p);
            if (seg.get(i).kind() == Token.Kind.WEAK_BREAK && !inside[i]) {
                if (!seg.get(i).stem().equals(",")) joinedByWord.set(p);
                if (seg.get(i).stem().equals(":")) labels.set(p);
                if (seg.get(i).stem().endsWith("then")) sequels.set(p);
                p++;
            }
            part[i] = p;
        }
        int parts = p + 1;
        // cues per weak clause; a part joined by a phrase takes the last of its clauses that has any
        // ("backoffice is empty, no systems listed" must not cancel its two negatives)
        Cues[] clauseCues = new Cues[clause + 1];
        for (int c = 0; c <= clause; c++) clauseCues[c] = new Cues();
        // 0 a bare noun phrase, 1 one with words unread, 2 one whose phrase states its own fact
        int[] bare = new int[parts];
        // "not working" is one failure, not a negation and a word of health that cancel
        List<Token> cued = StateNegation.apply(seg, used);
        // a phrase holding a verb of arriving ("requests reach the api") states its own fact, and
        // what the next clause says ("and fail") is about its subject, not about the arriving
        boolean[] arriving = new boolean[n];
        for (Match m : accepted) for (int i : m.consumed()) if (arrivals.contains(seg.get(i).stem())) {
            for (int j : m.consumed()) arriving[j] = true;
        }
        boolean[] stated = new boolean[parts];
        int cleft = Openers.cleft(seg);
        for (int i = 0; i < n; i++) {
            Token t = seg.get(i);
            // a phrase that took a cue of its own ("no core instances") states its fact: no bare noun phrase
            // as does one that says how much ("hpa at max", "memory climbs": no neighbour's "fine" for it)
            // or one that denies its symptom ("core restarted overnight and never came back": one fault, not turned), or counts ("only 2 pods")
            if (t.word() && used[i] && (t.cue() || arriving[i] || denied[i] || levels.contains(t.stem()) || Analyzer.isNumber(t.stem()))) bare[part[i]] = 2;
            if (arriving[i]) stated[part[i]] = true;
            if (!t.word() || used[i]) continue;
            clauseCues[clauseOf[i]].add(cued.get(i));
            // a name inside a phrase's window is the phrase's ("the system/zone lists"); a value there is not ("wait 30s")
            if (!t.bare() && i >= cleft && !t.cue() && (!inside[i] || Character.isDigit(t.stem().charAt(0))) && bare[part[i]] == 0) bare[part[i]] = 1;
        }
        // an opening "when I open the systems tab," states nothing itself: the clause after it does
        boolean opened = Openers.opens(seg, first[0]);
        if (opened) bare[0] = 0;
        Cues[] cues = new Cues[parts];
        for (int c = 0; c < parts; c++) cues[c] = new Cues();
        for (int i = 0; i < n; i++) {
            if (clauseCues[clauseOf[i]].any()) cues[part[i]] = clauseCues[clauseOf[i]];
        }
        // the nearest part with cues after each part, else before it
        int[] nextCued = new int[parts], prevCued = new int[parts];
        for (int c = parts - 1, k = -1; c >= 0; c--) { nextCued[c] = k; if (cues[c].any()) k = c; }
        for (int c = 0, k = -1; c < parts; c++) { prevCued[c] = k; if (cues[c].any()) k = c; }
        // which kinds of symptom each part's phrases name: 1 something working, 2 a fault
        int[] kinds = new int[parts];
        for (Match m : accepted) kinds[part[m.from()]] |= symptoms.get(m.phrase().symptom).good() ? 1 : 2;
        // a part without phrases lends its state across "and"/"or" ("the list and the functions
        // fail"), else only when it names nothing else ("both fail"), not something unread ("lists ok")
        boolean[] subjectless = new boolean[parts];
        java.util.Arrays.fill(subjectless, true);
        for (int i = 0; i < n; i++) {
            Token t = seg.get(i);
            if (t.word() && !used[i] && !t.cue() && !t.stop() && !t.bare()) subjectless[part[i]] = false;
        }
        boolean answered = parts > 1 && Openers.answers(seg, part);
        Cues[] effective = new Cues[parts];
        for (int c = 0; c < parts; c++) {
            effective[c] = cues[c];
            if (!cues[c].any() && (bare[c] == 0 || sequels.get(c) && nextCued[c] == c + 1 && kinds[c + 1] == 0)) {
                int j = nextCued[c] >= 0 ? nextCued[c] : prevCued[c];
                // a predicate is shared between names of the same kind ("login and search fail"):
                // "lists ok, every other module executes" does not lend its "ok" to a fault
                boolean joined = j >= 0 && (j == c + 1 && joinedByWord.get(c) || j == c - 1 && joinedByWord.get(j));
                // a failure joined by "and" fails what works too ("login and nearly every REST call fail")
                boolean fails = joined && kinds[c] == 1 && cues[j].failureOnly();
                // (a lone opening "no," answers a question: it says nothing of the clause after it;
                // across a comma a word of failure beside a fault is the fault's: "lists load, exec error: no core")
                boolean faults = j >= 0 && (kinds[j] & 2) != 0 && cues[j].failureOnly();
                boolean lends = j >= 0 && !(j == 0 && answered) && (kinds[j] == 0 ? joined || subjectless[j] || opened && c == 0
                        : (kinds[j] & kinds[c]) != 0 && (joined || kinds[c] != 1 || !faults) || fails);
                // a label that states a fact of its own lends nothing to what it labels ("not real users: a single
                // account" is one flood, not a flood denied): only one naming nothing does, below
                int label = j >= 0 && j < c ? labels.nextSetBit(j) : -1;
                if (label >= 0 && label < c && kinds[label] != 0) lends = false;
                if (lends) effective[c] = cues[j];
            }
            // an item appended to a clause is in the same state: "most calls fail, the login endpoint included"
            if (!cues[c].any() && appended.get(c) && prevCued[c] >= 0) effective[c] = cues[prevCued[c]];
            // a label that names nothing states what it labels, each item of a list after it: "only thing
            // not working: the listing from outside", "not working: executing, the live panels, triggers"
            if (!cues[c].any() && bare[c] < 2 && c > 0) {
                int l = c - 1;
                while (l > 0 && !labels.get(l) && !cues[l].any() && bare[l] < 2) l--;
                if (labels.get(l) && kinds[l] == 0 && cues[l].any()) effective[c] = cues[l];
            }
        }
        for (int c = 0; c < parts; c++) {
            if (afterExcept && !effective[c].any()) effective[c] = Cues.opposite(previousGood);
        }

        accepted.sort(Comparator.comparingInt(Match::from));
        Map<Match, Cues> own = NearestCues.of(cued, accepted, clauseOf, used, ph -> !ph.affirms && symptoms.get(ph.symptom).good());
        // "logins arrive at the api and fail": the clause after an arrival is about its subject
        Sequels.lend(seg, accepted, part, parts, used, stated, arriving, cues, kinds, own, arrivals);
        // a fault named in a clause without other cues means what it names there failed:
        // "execute gives no core instances" says execute fails
        // the cues that bear on a phrase: its own, else its part's (as a denial keeps them), else those its window holds
        // (or, lying inside a denial's window, the denial's word of state)
        java.util.function.Function<Match, Cues> cuesOf = m -> NearestCues.within(m, NearestCues.held(m,
                own.getOrDefault(m, NearestCues.denial(m, effective[part[m.from()]], cued, used, part)), cued, used), accepted, seg);
        // and where in each part something working fails by a cue of its own phrase: a bare name after it fails with it
        // ("most api requests fail incl authentication")
        boolean[] fault = new boolean[parts];
        int[] failing = new int[parts];
        java.util.Arrays.fill(failing, Integer.MAX_VALUE);
        Map<Match, Boolean> present = new java.util.IdentityHashMap<>();
        Map<Match, Cues> cuesFor = new java.util.IdentityHashMap<>();  // each match's cues, taken once
        Set<String> said = new java.util.HashSet<>();
        for (Observation o : out) if (o.getText() == text) said.add(o.getSymptom() + (o.isPresent() ? "+" : "-"));
        for (Match m : accepted) {
            Symptom s = symptoms.get(m.phrase().symptom);
            Cues mine = cuesFor.computeIfAbsent(m, cuesOf);
            if (s.good()) {
                int at = part[m.from()];
                if (!s.turnedByNegationOnly() && mine.any() && !mine.say(m.phrase(), true)) failing[at] = Math.min(failing[at], m.to());
                continue;
            }
            boolean pr = s.turnedByNegationOnly() && m.phrase().affirms ? !mine.negated() : mine.say(m.phrase(), false);
            present.put(m, pr);
            if (pr) fault[part[m.from()]] = true;
        }
        // the same across clauses, when no clause of the segment says anything of state:
        // "executing X, what comes back reads no core instances"
        boolean anyFault = false, anyCue = false;
        for (int c = 0; c < parts; c++) { anyFault |= fault[c]; anyCue |= effective[c].any(); }
        // and a fault (or something working said not to) before in the text: a working thing named after it only as where
        // it came from says nothing of how it went ("```no core instances``` from an execute in backoffice")
        boolean faultBefore = anyFault || out.stream().anyMatch(o -> o.getText() == text && o.isPresent() != symptoms.get(o.getSymptom()).good());
        // one decision per fact in a segment: a phrase that only names a symptom, with no cue of its own, gives
        // way to one there that says which way it goes ("the resolver answers SERVFAIL" is one denial;
        // "backoffice can't find any zones or systems when I search": the search fails, the bare "search" adds nothing)
        Set<String> decided = new java.util.HashSet<>();
        for (Match m : accepted) {
            if (!m.phrase().affirms || own.getOrDefault(m, effective[part[m.from()]]).any()) decided.add(m.phrase().symptom);
        }
        for (Match m : accepted) {
            Symptom s = symptoms.get(m.phrase().symptom);
            int at = part[m.from()];
            Cues mine = cuesFor.get(m);
            if (m.phrase().affirms && !mine.any() && !present.containsKey(m) && decided.contains(s.id())) continue;
            // a name beside an arrival, with no word of state, is what arrives ("the sign-in requests are
            // arriving"): it says nothing of how its symptom went
            if (m.phrase().affirms && !mine.any() && !present.containsKey(m) && stated[at] && !arriving[m.from()]
                    && java.util.Arrays.stream(m.consumed()).noneMatch(i -> arriving[i])) continue;
            if (m.phrase().affirms && !mine.any() && s.good() && faultBefore && Openers.source(seg, m.from())) continue;
            boolean pr = present.containsKey(m) ? present.get(m)
                    : !mine.any() && !s.turnedByNegationOnly() && (fault[at] || failing[at] < m.from() && m.phrase().affirms || anyFault && !anyCue
                            || at + 1 < parts && fault[at + 1] && labels.get(at) && !stated[at]) ? false
                    : s.turnedByNegationOnly() && m.phrase().affirms ? !mine.negated()
                    : mine.say(m.phrase(), true);
            // one reading per symptom and polarity: a text saying it twice says it once
            if (said.add(s.id() + (pr ? "+" : "-"))) out.add(new Observation(s.id(), pr, text, Observation.TEXT));
            faultBefore |= s.good() && !pr;
        }
        // a symptom the segment read last as absent says which way it went: a fault denied ("not every view is slow")
        // is health, though its only cue is a negation; one read present may be a fault said in words of health
        // ("the other views are fast"), which the cues tell
        Observation o = out.size() > before ? out.get(out.size() - 1) : null;
        if (o != null && !o.isPresent()) return !symptoms.get(o.getSymptom()).good();
        Cues last = effective[parts - 1];
        for (int c = parts - 1; c >= 0 && !last.any(); c--) last = effective[c];
        // a bare denial of something read as nothing ("not every view, only the ones that ...") rules it out: health
        return !last.any() || last.affirms(true) || o == null && last.negated() && !last.failure && !last.healthy;
    }
}
