package triage.model;

/**
 * One observation as the language layer (or a probe, or a rule) understood it; {@code label} says it in words.
 *
 * @param via how a text was read: {@code phrase} (a symptom's phrase matched), {@code example}
 *            (nearest of a symptom's examples by meaning), null for what no person said
 * @param example the example matched, when {@code via} is {@code example}
 * @param similarity its cosine similarity to the text, when {@code via} is {@code example}
 */
public record Understood(String text, String symptom, boolean present, String source, String label,
                         String via, String example, Double similarity) {
    public static final String VIA_PHRASE = "phrase";
    public static final String VIA_EXAMPLE = "example";

    public Understood(String text, String symptom, boolean present, String source, String label) {
        this(text, symptom, present, source, label,
                Observation.TEXT.equals(source) ? VIA_PHRASE : null, null, null);
    }

    public static Understood of(Observation o, String label) {
        return new Understood(o.getText(), o.getSymptom(), o.isPresent(), o.getSource(), label);
    }

    /** This reading, as matched to {@code example} by meaning. */
    public Understood byExample(String example, double similarity) {
        return new Understood(text, symptom, present, source, label, VIA_EXAMPLE, example, similarity);
    }
}
