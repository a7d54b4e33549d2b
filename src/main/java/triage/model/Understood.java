package triage.model;

/** One observation as the language layer (or a probe, or a rule) understood it; {@code label} says it in words. */
public record Understood(String text, String symptom, boolean present, String source, String label) {
    public static Understood of(Observation o, String label) {
        return new Understood(o.getText(), o.getSymptom(), o.isPresent(), o.getSource(), label);
    }
}
