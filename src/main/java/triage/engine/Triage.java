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
    /** Told of every diagnosis and how long it took (metrics). */
    @FunctionalInterface
    public interface Observer {
        void diagnosed(Diagnosis diagnosis, long nanos);
    }

    private final LiveRulebook rules;
    private final UnrecognizedLog unrecognized;
    private final Observer observer;
    private final Diagnoser diagnoser = new Diagnoser();

    public Triage(LiveRulebook rules) {
        this(rules, new UnrecognizedLog(1000, java.time.Clock.systemUTC()), (d, nanos) -> { });
    }

    public Triage(LiveRulebook rules, UnrecognizedLog unrecognized, Observer observer) {
        this.rules = Objects.requireNonNull(rules);
        this.unrecognized = Objects.requireNonNull(unrecognized);
        this.observer = Objects.requireNonNull(observer);
    }

    public LiveRulebook rules() { return rules; }

    /** The live rulebook's runbooks and their rules. */
    public Runbooks runbooks() { return Runbooks.of(rules.current()); }

    /** What people said that no symptom matched, counted. */
    public UnrecognizedLog unrecognized() { return unrecognized; }

    /** Diagnoses free text, plus observations from elsewhere (probes). */
    public Diagnosis diagnose(List<String> texts, List<Observation> more) {
        long t0 = System.nanoTime();
        Rulebook rb = rules.current();
        Interpretation in = rb.read(texts);
        in.unrecognized().forEach(unrecognized::record);
        List<Observation> observations = new ArrayList<>(observationsOf(in));
        observations.addAll(more);
        Diagnosis d = diagnoser.remembered(rb, latest(observations), in.runbooks(), in.unrecognized());
        observer.diagnosed(d, System.nanoTime() - t0);
        return d;
    }

    public Diagnosis diagnose(List<String> texts) { return diagnose(texts, List.of()); }

    /** Diagnoses observations already understood (a conversation's memory). */
    public Diagnosis diagnoseObservations(List<Observation> observations, Set<String> runbookHints) {
        long t0 = System.nanoTime();
        Diagnosis d = diagnoser.remembered(rules.current(), latest(observations), runbookHints, List.of());
        observer.diagnosed(d, System.nanoTime() - t0);
        return d;
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
