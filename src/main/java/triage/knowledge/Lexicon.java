package triage.knowledge;

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
 * @param statements words that state a fact by themselves, a level or a change ("high", "grows", "slow"): a
 *        clause whose phrase holds one is no bare noun phrase either ("organic rps 3x, per-view p50 flat"
 *        is two facts; the second lends the first no "flat")
 */
public record Lexicon(List<String> negations, List<String> failure, List<String> healthy,
                      List<String> strongBreaks, List<String> weakBreaks, List<String> exceptions,
                      List<String> bare, List<String> stopwords, Map<String, List<String>> synonyms,
                      List<String> yes, List<String> no, List<String> unsure, List<String> hypothetical,
                      List<String> hypothesisEnds, List<String> questions, List<String> arrivals,
                      List<String> statements) {
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
        statements = copy(statements);
    }

    /** Without words for guesses and questions: everything said is read as seen. */
    public Lexicon(List<String> negations, List<String> failure, List<String> healthy,
                   List<String> strongBreaks, List<String> weakBreaks, List<String> exceptions,
                   List<String> bare, List<String> stopwords, Map<String, List<String>> synonyms,
                   List<String> yes, List<String> no, List<String> unsure) {
        this(negations, failure, healthy, strongBreaks, weakBreaks, exceptions, bare, stopwords, synonyms, yes, no, unsure,
                null, null, null, null, null);
    }

    private static List<String> copy(List<String> l) { return l == null ? List.of() : List.copyOf(l); }
}
