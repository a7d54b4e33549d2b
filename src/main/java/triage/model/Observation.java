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
 */
public final class Observation {
    public static final String TEXT = "text";
    public static final String ANSWER = "answer";
    public static final String PROBE = "probe";
    public static final String INFERRED = "inferred";
    public static final String HYPOTHESIS = "hypothesis";

    private final String symptom;
    private final boolean present;
    private final String text;
    private final String source;

    public Observation(String symptom, boolean present, String text, String source) {
        this.symptom = Objects.requireNonNull(symptom, "symptom");
        this.present = present;
        this.text = text == null ? "" : text;
        this.source = Objects.requireNonNull(source, "source");
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

    @Override public String toString() {
        return symptom + (present ? "=present" : "=absent") + " [" + source + "]";
    }
}
