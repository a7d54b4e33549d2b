package triage.model;

import java.util.Objects;

/**
 * A symptom seen present or absent: the fact every rule starts from.
 *
 * <p>The one observation type from the language layer to the renderer: what a text was read as,
 * what a conversation remembers, what a diagnosis understood. Its words for a person come from
 * the knowledge ({@code Knowledge#label}) when it is rendered.
 *
 * <p>{@code source} says where it came from: {@code text} (a person said it), {@code answer}
 * (a yes/no to the bot's question), {@code probe} (a live check), {@code inferred} (a rule
 * derived it from other observations) or {@code hypothesis} (the engine trying an answer out
 * while it chooses the next check).
 *
 * <p>A text is read by a symptom's phrase, or, where no phrase matched, by the nearest of the
 * symptom's examples in meaning ({@code triage.language.similar}): then {@link #getExample} and
 * {@link #getSimilarity} say which and how close, and {@link #getVia} is {@value #VIA_EXAMPLE}.
 * Rules match on {@code symptom}, {@code present} and {@code source}; the way a text was read is
 * for the people reading the answer. No {@code equals}: Drools' truth maintenance tells facts
 * apart by identity.
 */
public final class Observation {
    public static final String TEXT = "text";
    public static final String ANSWER = "answer";
    public static final String PROBE = "probe";
    public static final String INFERRED = "inferred";
    public static final String HYPOTHESIS = "hypothesis";
    /** {@link #getVia}: read by one of the symptom's phrases. */
    public static final String VIA_PHRASE = "phrase";
    /** {@link #getVia}: read as the nearest of the symptom's examples by meaning. */
    public static final String VIA_EXAMPLE = "example";

    private final String symptom;
    private final boolean present;
    private final String text;
    private final String source;
    private final String example;
    private final Double similarity;

    public Observation(String symptom, boolean present, String text, String source) {
        this(symptom, present, text, source, null, null);
    }

    /**
     * An observation; {@code example} and {@code similarity} (both or neither) when a text was read
     * as the nearest of the symptom's examples.
     */
    public Observation(String symptom, boolean present, String text, String source, String example, Double similarity) {
        this.symptom = Objects.requireNonNull(symptom, "symptom");
        this.present = present;
        this.text = text == null ? "" : text;
        this.source = Objects.requireNonNull(source, "source");
        if ((example == null) != (similarity == null)) {
            throw new IllegalArgumentException("an example needs its similarity, and a similarity its example");
        }
        this.example = example;
        this.similarity = similarity;
    }

    /** What a person said, read as {@code example} of the symptom (cosine {@code similarity}). */
    public static Observation byExample(String symptom, boolean present, String text, String example, double similarity) {
        return new Observation(symptom, present, text, TEXT, example, similarity);
    }

    /** What a rule concludes from other observations; withdrawn with them (insertLogical). */
    public static Observation inferred(String symptom, boolean present) {
        return new Observation(symptom, present, "", INFERRED);
    }

    public String getSymptom() { return symptom; }
    public boolean isPresent() { return present; }
    public boolean isAbsent() { return !present; }
    public String getText() { return text; }
    public String getSource() { return source; }

    /**
     * How a text was read: {@value #VIA_EXAMPLE} by an example, {@value #VIA_PHRASE} by a phrase
     * (a person's text otherwise); null for what no person wrote (answers, probes, rules).
     */
    public String getVia() {
        if (example != null) return VIA_EXAMPLE;
        return TEXT.equals(source) ? VIA_PHRASE : null;
    }

    /** The symptom's example the text was read as, or null when it was not read by example. */
    public String getExample() { return example; }

    /** Cosine similarity of the text and {@link #getExample}, or null when it was not read by example. */
    public Double getSimilarity() { return similarity; }

    @Override public String toString() {
        return symptom + (present ? "=present" : "=absent") + " [" + source + "]";
    }
}
