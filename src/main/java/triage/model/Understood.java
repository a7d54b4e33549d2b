package triage.model;

/** One observation as the language layer (or a probe, or a rule) understood it. */
public record Understood(String text, String symptom, boolean present, String source) {
    public static Understood of(Observation o) {
        return new Understood(o.getText(), o.getSymptom(), o.isPresent(), o.getSource());
    }
}
