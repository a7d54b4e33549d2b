package triage.language;

import triage.knowledge.Knowledge;
import triage.knowledge.Lexicon;
import triage.knowledge.Runbook;
import triage.knowledge.Symptom;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what people type as observations. Built once per knowledge set (phrases compiled, the
 * vocabulary indexed); {@link #read} is thread-safe.
 *
 * <p>How a sentence is read:
 * <ol>
 * <li>It is cut into segments at strong breaks ({@code . ;}, "but", "however", "except"; a colon parts clauses).
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
 * Nothing is guessed: a text where no phrase matched is returned as unrecognized, or as elsewhere when
 * it is about things no runbook covers ({@link Elsewhere}).
 *
 * <p>A reply to the question a conversation asked last ("yes", "nope, still broken", "works
 * now") is read here too, by {@link #answerTo}.
 */
public final class Interpreter {
    private final Analyzer analyzer;
    private final List<Phrase> phrases = new ArrayList<>();
    /** For each concept, the phrases that need it: only those are tried on a text. */
    private final Map<String, List<Phrase>> byConcept = new HashMap<>();
    private final Map<String, Symptom> symptoms;
    private final RunbookKeywords runbookKeywords;
    private final Set<String> yes = new HashSet<>(), no = new HashSet<>(), unsure = new HashSet<>();
    private final PhraseMatcher matcher;
    private final Hypotheses hypotheses;
    private final Retractions retractions;
    private final Names names;
    private final Quantifiers quantifiers;
    private final Elsewhere elsewhere;

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
        this.runbookKeywords = new RunbookKeywords(knowledge, analyzer);
        for (String y : lx.yes()) yes.add(String.join(" ", analyzer.conceptsOf(y)));
        for (String n : lx.no()) no.add(String.join(" ", analyzer.conceptsOf(n)));
        for (String u : lx.unsure()) unsure.add(String.join(" ", analyzer.conceptsOf(u)));
        this.hypotheses = new Hypotheses(lx);
        this.retractions = new Retractions(lx.retractions());
        this.names = new Names(knowledge, analyzer);
        Set<String> levels = concepts(lx.levels());
        this.matcher = new PhraseMatcher(byConcept, symptoms, hypotheses, concepts(lx.arrivals()), levels);
        this.elsewhere = new Elsewhere(concepts(lx.subjects()));
        this.quantifiers = new Quantifiers(levels, analyzer.conceptsOf("every").get(0));
    }

    private Set<String> concepts(List<String> words) {
        return words.stream().flatMap(w -> analyzer.conceptsOf(w).stream()).collect(java.util.stream.Collectors.toSet());
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
    public Interpretation read(List<String> texts) { return read(texts, Budget.perRequest()); }

    /** As {@link #read(List)}, paid from {@code budget}. */
    Interpretation read(List<String> texts, Budget budget) {
        Interpretation in = Interpretation.collecting();
        for (String text : texts) {
            // "false alarm, it was my own laptop": nothing said so far was a fault of the system
            if (retractions.retracts(text)) {
                in.readings().clear();
                in.unrecognized().clear();
                in.runbooks().clear();
                in.gaps().clear();
                continue;
            }
            readInto(in, text, budget);
        }
        return in;
    }

    /** Reads {@code text}, which takes nothing back, into {@code in}'s lists, paid from {@code budget}; returns {@code in}. */
    private Interpretation readInto(Interpretation in, String text, Budget budget) {
        // once the request's budget is spent, the texts left are not read at all, not even into words
        if (budget.spent()) {
            in.unrecognized().add(text);
            return in;
        }
        // what someone did ("I restarted the api pods") is not what they saw
        List<Token> all = tokens(text, budget), tokens = elsewhere.strip(all);
        List<String> unread = new ArrayList<>();
        List<Observation> r = matcher.read(text, tokens, budget, unread);
        // a text about things no runbook covers ("the office printer jams") says nothing of the systems;
        // one that only guessed or asked ("is rethinkdb down?") read as nothing, and is no puzzle;
        // nor is one that only names things ("the database", "db and s3"): it says nothing of them,
        // nor one that only says how things are ("it's down"): it says nothing of what; nor one pointing at what was
        // pasted ("every slow trace looks like this"): what it says is in the paste
        if (r.isEmpty() && tokens != all) in.elsewhere().add(text);
        else if (r.isEmpty() && !hypotheses.any(tokens) && !names.only(tokens) && !Names.statesOnly(tokens)
                && !UnreadClauses.pointing(tokens)) in.unrecognized().add(text);
        else in.gaps().addAll(unread);
        in.readings().addAll(failures(r));
        runbookKeywords.named(tokens, in.runbooks());
        return in;
    }

    /**
     * {@code r} with what each error read present is the error of ({@code failure_of}) read failing, in place of any
     * reading of it working: "every exec: `no core instances`" says the executes fail, however the quote sits.
     */
    private List<Observation> failures(List<Observation> r) {
        List<Observation> out = r;
        for (Observation o : r) {
            Symptom s = symptoms.get(o.getSymptom());
            if (!o.isPresent() || s == null || s.failureOf() == null) continue;
            if (out == r) out = new ArrayList<>(r);
            String of = s.failureOf();
            out.removeIf(x -> x.getSymptom().equals(of) && x.isPresent());
            if (out.stream().noneMatch(x -> x.getSymptom().equals(of))) out.add(new Observation(of, false, o.getText(), Observation.TEXT));
        }
        return out;
    }

    public Interpretation read(String text) { return read(List.of(text)); }

    /** Whether {@code text} takes back everything reported before it ({@link Retractions}). */
    public boolean retracts(String text) { return retractions.retracts(text); }

    /**
     * One request's reading: its texts read one at a time, all paid from one {@link Budget}, so
     * that a body's work is bounded whatever the number of its texts. One per request; not
     * thread-safe.
     */
    public final class Reading {
        private final Budget budget = Budget.perRequest();

        private Reading() {}

        /** What {@code text} says read on its own, from this request's budget: a text {@link Interpreter#retracts} found takes nothing back. */
        public Interpretation read(String text) { return readInto(Interpretation.collecting(), text, budget); }

        /** Whether the budget has run out: the text read last may have been read in part, and those after it not at all. */
        public boolean spent() { return budget.spent(); }
    }

    /** A reading for one request's texts. */
    public Reading reading() { return new Reading(); }

    /**
     * The clauses of {@code text} that no phrase read, each as its words (two or more that say
     * something): what reading by example may still read in a text the phrases read in part.
     */
    public List<String> unreadClauses(String text) {
        List<String> gaps = new ArrayList<>();
        Budget budget = Budget.perRequest();
        matcher.read(text, elsewhere.strip(tokens(text, budget)), budget, gaps);
        return gaps;
    }

    /** The tokens phrases are read from: without what someone did, suspects ruled out, "all" read, run-on clauses parted. */
    private List<Token> tokens(String text, Budget budget) {
        return RunOns.apply(Coordination.apply(quantifiers.apply(Eliminations.apply(analyzer.tokens(Actions.strip(text), budget)))));
    }

    /**
     * How a text was analysed, for people writing phrases: each concept, with {@code !} after a
     * negation, {@code -} after a failure word, {@code +} after a word of health, {@code |} for
     * clause breaks. "can't loggin" reads {@code can not! login}.
     */
    public String analysed(String text) {
        StringBuilder sb = new StringBuilder();
        for (Token t : Eliminations.apply(analyzer.tokens(text))) {
            if (sb.length() > 0) sb.append(' ');
            switch (t.kind()) {
                case STRONG_BREAK -> sb.append("||");
                case WEAK_BREAK -> sb.append('|');
                case EXCEPT -> sb.append("|except|");
                case WORD -> sb.append(t.stem()).append(t.negation() ? "!" : "").append(t.failure() ? "-" : "").append(t.healthy() ? "+" : "");
            }
        }
        return sb.toString();
    }

    /**
     * How {@code text} answers the open question {@code asked} (a symptom id), as an observation
     * with source {@link Observation#ANSWER}; null when it does not. A text that speaks of the
     * asked symptom itself ({@code read} holds it) is an observation, not an answer; a short
     * answer ("yes", "nope, still broken") counts by its opening words; a text that read as
     * nothing else answers by its cues alone ("works now").
     */
    public Observation answerTo(String asked, String text, List<Observation> read) {
        if (asked == null || text == null || !symptoms.containsKey(asked)) return null;
        for (Observation o : read) if (o.getSymptom().equals(asked)) return null;
        if (unsure(text)) return null;
        Boolean answer = shortAnswer(text);
        // "nope, login is broken for everyone": the rest states another symptom, so the "nope"
        // goes with it, not with the question
        if (answer != null && !read.isEmpty()) return null;
        if (answer == null && read.isEmpty()) answer = polarityAbout(asked, text);
        return answer == null ? null : new Observation(asked, answer, text, Observation.ANSWER);
    }

    /**
     * Whether {@code text} says the person cannot tell ("not sure", "I don't know", "no idea",
     * "dunno", "skip"): by its opening words, as {@link #shortAnswer} reads yes and no.
     */
    public boolean unsure(String text) {
        if (text == null) return false;
        List<String> words = opening(text);
        for (int n = Math.min(5, words.size()); n >= 1; n--) {
            if (unsure.contains(String.join(" ", words.subList(0, n)))) return true;
        }
        return false;
    }

    private List<String> opening(String text) {
        List<String> words = new ArrayList<>();
        for (Token t : analyzer.tokens(text)) {
            if (!t.word()) break;
            words.add(t.stem());
        }
        return words;
    }

    /**
     * A short answer to a yes/no question: {@code TRUE} for yes, {@code FALSE} for no, null when
     * the text is not a short answer. Only the opening words count ("nope, still broken").
     */
    public Boolean shortAnswer(String text) {
        if (unsure(text)) return null;
        List<String> words = opening(text);
        for (int n = Math.min(3, words.size()); n >= 1; n--) {
            String head = String.join(" ", words.subList(0, n));
            if (yes.contains(head)) return Boolean.TRUE;
            if (no.contains(head)) return Boolean.FALSE;
        }
        return null;
    }

    /** What names components in this knowledge, and what says nothing but names. */
    public Names names() { return names; }

    /**
     * How a text without a subject answers a question about {@code symptomId}: "works now",
     * "still broken", "it does not". Null when it carries no cue at all.
     */
    public Boolean polarityAbout(String symptomId, String text) {
        Symptom s = symptoms.get(symptomId);
        if (s == null) return null;
        return Polarity.of(StateNegation.apply(Eliminations.apply(analyzer.tokens(text)), null), s.good());
    }
}
