package triage.knowledge;

import triage.model.Observation;

import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from {@code knowledge/}, immutable, indexed by id. Serializable (the rule cache
 * keeps it beside the compiled rules, so an unchanged set is not read from YAML again): what is
 * written is what the constructor was given, and reading it calls the constructor again.
 */
public final class Knowledge implements Serializable {
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

    /** What is written in its place: the lists it was made from, in their order. */
    private record Parts(List<Component> components, List<Symptom> symptoms, List<Runbook> runbooks, Lexicon lexicon,
                         List<Scenario> scenarios) implements Serializable {
        @Serial private Object readResolve() { return new Knowledge(components, symptoms, runbooks, lexicon, scenarios); }
    }

    @Serial private Object writeReplace() {
        return new Parts(new ArrayList<>(components.values()), new ArrayList<>(symptoms.values()),
                new ArrayList<>(runbooks.values()), lexicon, scenarios);
    }

    @Serial private void readObject(ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a Knowledge is read through its parts");
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
