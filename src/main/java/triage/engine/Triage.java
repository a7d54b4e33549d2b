package triage.engine;

import triage.language.Interpretation;
import triage.language.Reading;
import triage.language.similar.Recall;
import triage.model.Diagnosis;
import triage.model.Observation;
import triage.model.Understood;

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
    /** Reads by example what the phrases left unread; null: phrases alone. */
    private final Recall recall;
    /** Whether a call waits for the sentence model to load (ask) or answers without it meanwhile (serve). */
    private final boolean waitForModel;

    public Triage(LiveRulebook rules) {
        this(rules, new UnrecognizedLog(1000, java.time.Clock.systemUTC()), (d, nanos) -> { });
    }

    public Triage(LiveRulebook rules, UnrecognizedLog unrecognized, Observer observer) {
        this(rules, unrecognized, observer, null, false);
    }

    private Triage(LiveRulebook rules, UnrecognizedLog unrecognized, Observer observer, Recall recall, boolean waitForModel) {
        this.rules = Objects.requireNonNull(rules);
        this.unrecognized = Objects.requireNonNull(unrecognized);
        this.observer = Objects.requireNonNull(observer);
        this.recall = recall;
        this.waitForModel = waitForModel;
    }

    /**
     * This triage, also reading by example ({@link Recall}) what the phrases leave unread; with
     * {@code waitForModel} a call loads the sentence model when it needs it, without it the
     * phrases answer alone until the model has loaded in the background.
     */
    public Triage withRecall(Recall recall, boolean waitForModel) {
        return new Triage(rules, unrecognized, observer, Objects.requireNonNull(recall), waitForModel);
    }

    public LiveRulebook rules() { return rules; }

    /** What people said that no symptom matched, counted. */
    public UnrecognizedLog unrecognized() { return unrecognized; }

    /** Diagnoses free text, plus observations from elsewhere (probes). */
    public Diagnosis diagnose(List<String> texts, List<Observation> more) {
        long t0 = System.nanoTime();
        Rulebook rb = rules.current();
        Interpretation in = rb.read(texts);
        Recall.Result byExample = recall == null || in.unrecognized().isEmpty() ? null
                : recall.read(rb.knowledge(), rb.revision(), rb.interpreter()::polarityAbout, in.unrecognized(), waitForModel);
        List<String> unread = byExample == null ? in.unrecognized() : byExample.unread();
        unread.forEach(unrecognized::record);
        List<Observation> observations = new ArrayList<>(observationsOf(in));
        if (byExample != null) {
            for (Recall.Found f : byExample.found()) observations.add(new Observation(f.symptom(), f.present(), f.text(), Observation.TEXT));
        }
        observations.addAll(more);
        Diagnosis d = diagnoser.remembered(rb, latest(observations), in.runbooks(), unread);
        if (byExample != null) d = byExample(d, byExample);
        observer.diagnosed(d, System.nanoTime() - t0);
        return d;
    }

    /** Says which readings came from an example, and what may have been meant. */
    static Diagnosis byExample(Diagnosis d, Recall.Result r) {
        if (r.found().isEmpty() && r.maybe().isEmpty()) return d;
        List<Understood> understood = new ArrayList<>(d.understood().size());
        for (Understood u : d.understood()) {
            Understood x = u;
            for (Recall.Found f : r.found()) {
                if (Observation.TEXT.equals(u.source()) && f.text().equals(u.text()) && f.symptom().equals(u.symptom())
                        && f.present() == u.present()) {
                    x = u.byExample(f.example(), f.similarity());
                }
            }
            understood.add(x);
        }
        return new Diagnosis(d.causes(), d.ruledOut(), d.nextChecks(), understood, d.unrecognized(), d.firings(), r.maybe());
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
