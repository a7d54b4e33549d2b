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
 */
public record Lexicon(List<String> negations, List<String> failure, List<String> healthy,
                      List<String> strongBreaks, List<String> weakBreaks, List<String> exceptions,
                      List<String> bare, List<String> stopwords, Map<String, List<String>> synonyms,
                      List<String> yes, List<String> no, List<String> unsure) {
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
    }

    private static List<String> copy(List<String> l) { return l == null ? List.of() : List.copyOf(l); }
}
