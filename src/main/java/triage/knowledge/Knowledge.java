package triage.knowledge;

import triage.model.Observation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything read from {@code knowledge/}, immutable, indexed by id. */
public final class Knowledge {
    private final Map<String, Component> components;
    private final Map<String, Symptom> symptoms;
    private final Map<String, Runbook> runbooks;
    private final Lexicon lexicon;
    private final List<Scenario> scenarios;

    public Knowledge(List<Component> components, List<Symptom> symptoms, List<Runbook> runbooks,
                     Lexicon lexicon, List<Scenario> scenarios) {
        this.components = index(components, Component::id);
        this.symptoms = index(symptoms, Symptom::id);
        this.runbooks = index(runbooks, Runbook::id);
        this.lexicon = lexicon;
        this.scenarios = List.copyOf(scenarios);
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T t : items) m.put(id.apply(t), t);
        return java.util.Collections.unmodifiableMap(m);
    }

    public Map<String, Component> components() { return components; }
    public Map<String, Symptom> symptoms() { return symptoms; }
    public Map<String, Runbook> runbooks() { return runbooks; }
    public Lexicon lexicon() { return lexicon; }
    public List<Scenario> scenarios() { return scenarios; }

    public Optional<Component> component(String id) { return Optional.ofNullable(components.get(id)); }
    public Optional<Symptom> symptom(String id) { return Optional.ofNullable(symptoms.get(id)); }

    /** An observation in words: its symptom's label for its polarity ("login fails"). */
    public String label(Observation o) {
        Symptom s = symptoms.get(o.getSymptom());
        return s == null ? o.getSymptom() + (o.isPresent() ? " present" : " absent") : s.label(o.isPresent());
    }
}
