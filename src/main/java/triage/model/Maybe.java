package triage.model;

/**
 * A text that came close to a symptom's example but not close enough to count: worth a question
 * ("Do you mean: login fails?") rather than a guess.
 *
 * @param text what was said (the clause compared)
 * @param label the reading in words, as the question would put it ("login fails")
 * @param example the symptom's example it came nearest to
 * @param similarity cosine similarity of the two
 */
public record Maybe(String text, String symptom, boolean present, String label, String example, double similarity) {
    /** The question that settles it. */
    public String question() { return "Do you mean: " + label + "?"; }
}
