package triage.engine;

import triage.language.Interpretation;
import triage.language.Reading;
import triage.model.Diagnosis;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one path every channel takes: text to observations (language layer), observations to a
 * diagnosis (rules), always on the rulebook that is live at the moment of the call.
 */
public final class Triage {
    private final LiveRulebook rules;
    private final Diagnoser diagnoser = new Diagnoser();

    public Triage(LiveRulebook rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    public LiveRulebook rules() { return rules; }

    /** Diagnoses free text, plus observations from elsewhere (probes). */
    public Diagnosis diagnose(List<String> texts, List<Observation> more) {
        Rulebook rb = rules.current();
        Interpretation in = rb.read(texts);
        List<Observation> observations = new ArrayList<>(observationsOf(in));
        observations.addAll(more);
        return diagnoser.remembered(rb, latest(observations), in.runbooks(), in.unrecognized());
    }

    public Diagnosis diagnose(List<String> texts) { return diagnose(texts, List.of()); }

    /** Diagnoses observations already understood (a conversation's memory). */
    public Diagnosis diagnoseObservations(List<Observation> observations, Set<String> runbookHints) {
        return diagnoser.remembered(rules.current(), latest(observations), runbookHints, List.of());
    }

    static List<Observation> observationsOf(Interpretation in) {
        List<Observation> out = new ArrayList<>();
        for (Reading r : in.readings()) out.add(new Observation(r.symptom(), r.present(), r.text(), Observation.TEXT));
        return out;
    }

    /** One observation a symptom: what was said last about it wins ("actually login works"). */
    static List<Observation> latest(List<Observation> observations) {
        Map<String, Observation> by = new LinkedHashMap<>();
        for (Observation o : observations) {
            by.remove(o.getSymptom());
            by.put(o.getSymptom(), o);
        }
        return List.copyOf(by.values());
    }
}
