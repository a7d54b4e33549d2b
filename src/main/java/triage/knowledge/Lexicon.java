package triage.knowledge;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The words the language layer needs beyond the symptoms' phrases.
 *
 * @param negations words that turn a clause around ("not", "no", "never")
 * @param failure words that report a fault ("fails", "down", "error")
 * @param healthy words that say something is fine ("works", "up", "healthy")
 * @param strongBreaks words that end a clause and its negation ("but", "however")
 * @param weakBreaks words that join clauses that may share a predicate ("and", "or")
 * @param exceptions words after which polarity turns ("except", "apart from")
 * @param bare words a clause may hold and still be a bare noun phrase ("the", "both")
 * @param stopwords words that carry no meaning in a phrase ("is", "the", "to")
 * @param synonyms concept -> ways people say it; every way is read as the concept
 * @param yes short answers meaning yes
 * @param no short answers meaning no
 * @param unsure answers that say the person cannot tell ("not sure", "no idea"): the question is set aside
 * @param hypothetical words, as typed, that open a guess rather than an observation ("we thought", "blamed"):
 *        what follows them up to a clause break or one of {@code hypothesisEnds} is not read as seen
 * @param hypothesisEnds words, as typed, that end a guess's reach ("because", "since")
 * @param questions words, as typed, that open a yes/no question ("is", "could"): a sentence they open that
 *        ends in "?" asks, it does not report
 * @param arrivals verbs of arriving ("reach", "hit", "receive"): a clause whose phrase holds one states its
 *        own fact ("requests reach the api and fail" says they reach), it is no bare noun phrase
 * @param levels words that say how much or which way something goes ("grows", "high", "slow"): a clause whose
 *        phrase holds one states its own fact, it is no bare noun phrase that takes its neighbour's state
 * @param subjects words that name a component by its own name ("database", "redis"): an example that names
 *        one reads, by example, only a clause that names it too
 * @param retractions how people take back what they reported ("false alarm", "it was my own laptop")
 */
public record Lexicon(List<String> negations, List<String> failure, List<String> healthy,
                      List<String> strongBreaks, List<String> weakBreaks, List<String> exceptions,
                      List<String> bare, List<String> stopwords, Map<String, List<String>> synonyms,
                      List<String> yes, List<String> no, List<String> unsure, List<String> hypothetical,
                      List<String> hypothesisEnds, List<String> questions, List<String> arrivals,
                      List<String> levels, List<String> subjects, Retractions retractions) implements Serializable {
    public Lexicon {
        negations = copy(negations);
        failure = copy(failure);
        healthy = copy(healthy);
        strongBreaks = copy(strongBreaks);
        weakBreaks = copy(weakBreaks);
        exceptions = copy(exceptions);
        bare = copy(bare);
        stopwords = copy(stopwords);
        // in the file's order: where two concepts could claim a word, the same one always does
        synonyms = synonyms == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(synonyms));
        yes = copy(yes);
        no = copy(no);
        unsure = copy(unsure);
        hypothetical = copy(hypothetical);
        hypothesisEnds = copy(hypothesisEnds);
        questions = copy(questions);
        arrivals = copy(arrivals);
        levels = copy(levels);
        subjects = copy(subjects);
        retractions = retractions == null ? Retractions.NONE : retractions;
    }

    /**
     * The words of a retraction, as typed (lower-cased, not stemmed; whole words). A message takes
     * back what came before when it says one of {@code phrases} ("false alarm", "nvm"); blames the
     * speaker's own side ("it was my own laptop": one of {@code ownSide} after "it was (on) my/our");
     * reports going to the wrong place ("I opened the test site": one of {@code wrongVerbs}, one of
     * {@code wrongKinds}, one of {@code wrongPlaces}); or names a planned exercise ("a scheduled
     * failover drill": one of {@code plannedKinds}, optionally one of {@code plannedSorts}, one of
     * {@code plannedEvents}).
     */
    public record Retractions(List<String> phrases, List<String> ownSide, List<String> wrongVerbs,
                              List<String> wrongKinds, List<String> wrongPlaces, List<String> plannedKinds,
                              List<String> plannedSorts, List<String> plannedEvents) implements Serializable {
        /** No way of taking anything back. */
        public static final Retractions NONE = new Retractions(null, null, null, null, null, null, null, null);

        public Retractions {
            phrases = copy(phrases);
            ownSide = copy(ownSide);
            wrongVerbs = copy(wrongVerbs);
            wrongKinds = copy(wrongKinds);
            wrongPlaces = copy(wrongPlaces);
            plannedKinds = copy(plannedKinds);
            plannedSorts = copy(plannedSorts);
            plannedEvents = copy(plannedEvents);
        }

        /** Each list by its name in lexicon.yaml, to validate them. */
        public Map<String, List<String>> lists() {
            Map<String, List<String>> m = new java.util.LinkedHashMap<>();
            m.put("phrases", phrases);
            m.put("own_side", ownSide);
            m.put("wrong_verbs", wrongVerbs);
            m.put("wrong_kinds", wrongKinds);
            m.put("wrong_places", wrongPlaces);
            m.put("planned_kinds", plannedKinds);
            m.put("planned_sorts", plannedSorts);
            m.put("planned_events", plannedEvents);
            return m;
        }
    }

    /** Without words for guesses and questions: everything said is read as seen. */
    public Lexicon(List<String> negations, List<String> failure, List<String> healthy,
                   List<String> strongBreaks, List<String> weakBreaks, List<String> exceptions,
                   List<String> bare, List<String> stopwords, Map<String, List<String>> synonyms,
                   List<String> yes, List<String> no, List<String> unsure) {
        this(negations, failure, healthy, strongBreaks, weakBreaks, exceptions, bare, stopwords, synonyms, yes, no, unsure,
                null, null, null, null, null, null, null);
    }

    private static List<String> copy(List<String> l) { return l == null ? List.of() : List.copyOf(l); }
}
