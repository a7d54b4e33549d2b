package triage.engine;

import triage.knowledge.Knowledge;
import triage.language.Interpretation;
import triage.model.Diagnosis;
import triage.model.Observation;
import triage.model.ProbeResult;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way in: every channel (HTTP, {@code ask}, conversations and the chat platforms behind
 * them, the scenarios) hands a {@link Said} to {@link #answer} and gets one {@link Answer}. Text
 * becomes observations (language layer, a reply to the open question included), the live checks
 * add theirs through the {@link LiveChecks} port, the latest word on each symptom wins, and the
 * rules diagnose, always on the rulebook that is live at the moment of the call. What was read
 * and concluded is remembered per rulebook revision.
 */
public final class Triage {
    /** Told of every diagnosis and how long it took, and of every live check's result (metrics). */
    @FunctionalInterface
    public interface Observer {
        void diagnosed(Diagnosis diagnosis, long nanos);

        default void checked(ProbeResult result) {}
    }

    private final LiveRulebook rules;
    private final UnrecognizedLog unrecognized;
    private final Observer observer;
    private final LiveChecks checks;
    private final Set<String> stacks;
    private final Diagnoser diagnoser = new Diagnoser();
    private final AtomicReference<Memos> memos = new AtomicReference<>(new Memos(null));

    public Triage(LiveRulebook rules) {
        this(rules, new UnrecognizedLog(1000, Clock.systemUTC()), (d, nanos) -> { }, LiveChecks.NONE);
    }

    public Triage(LiveRulebook rules, UnrecognizedLog unrecognized, Observer observer) {
        this(rules, unrecognized, observer, LiveChecks.NONE);
    }

    public Triage(LiveRulebook rules, UnrecognizedLog unrecognized, Observer observer, LiveChecks checks) {
        this(rules, unrecognized, observer, checks, Set.of());
    }

    /**
     * @param stacks the stacks this deployment runs ({@code TRIAGE_STACKS}: {@code placeos},
     *               {@code web-stack}); empty: every stack, narrowed by what each conversation says.
     *               A {@link Said} that names its own stacks (a channel's setting) wins.
     */
    public Triage(LiveRulebook rules, UnrecognizedLog unrecognized, Observer observer, LiveChecks checks,
                  Set<String> stacks) {
        this.rules = Objects.requireNonNull(rules);
        this.unrecognized = Objects.requireNonNull(unrecognized);
        this.observer = Objects.requireNonNull(observer);
        this.checks = Objects.requireNonNull(checks);
        this.stacks = Set.copyOf(Objects.requireNonNull(stacks));
    }

    /** The stacks this deployment runs; empty when not set. */
    public Set<String> stacks() { return stacks; }

    /** A triage of one fixed rulebook, recording nothing: how the scenarios are run. */
    static Triage of(Rulebook rb) {
        return new Triage(LiveRulebook.serving(rb), new UnrecognizedLog(1, Clock.systemUTC()), (d, nanos) -> { },
                LiveChecks.NONE);
    }

    public LiveRulebook rules() { return rules; }

    /** The knowledge of the live rulebook (runbooks, symptoms' words). */
    public Knowledge knowledge() { return rules.current().knowledge(); }

    /** What people said that no symptom matched, counted. */
    public UnrecognizedLog unrecognized() { return unrecognized; }

    /** Names of what the live checks cover; empty when none are configured. */
    public List<String> checkable() { return checks.names(); }

    /** Answers one message. */
    public Answer answer(Said said) {
        long t0 = System.nanoTime();
        Rulebook rb = rules.current();
        List<ProbeResult> probes = null;
        if (said.check()) {
            probes = checks.run();
            probes.forEach(observer::checked);
        }
        Answer a = answer(rb, memosOf(rb), said, probes);
        a.unrecognized().forEach(unrecognized::record);
        observer.diagnosed(a.diagnosis(), System.nanoTime() - t0);
        return a;
    }

    private Memos memosOf(Rulebook rb) {
        Memos m = memos.get();
        if (Objects.equals(m.revision(), rb.revision())) return m;
        Memos fresh = new Memos(rb.revision());
        // a request still on the old set may swap back once; the next one on the new set wins again
        memos.set(fresh);
        return fresh;
    }

    private Answer answer(Rulebook rb, Memos memos, Said said, List<ProbeResult> probes) {
        Interpretation in = memos.read(rb.interpreter(), said.texts());
        List<Observation> heard = new ArrayList<>(in.readings());
        List<String> notUnderstood = new ArrayList<>(in.unrecognized());
        // "not sure", "no idea": the open question is set aside and nothing else moves
        boolean unsure = said.openQuestion() != null && !said.texts().isEmpty()
                && rb.interpreter().unsure(said.texts().get(0));
        if (unsure) notUnderstood.remove(said.texts().get(0));
        Observation reply = said.texts().isEmpty() || unsure ? null
                : rb.interpreter().answerTo(said.openQuestion(), said.texts().get(0), in.readings());
        if (reply != null) {
            heard.add(0, reply);  // what else the message says comes later, so it wins
            notUnderstood.remove(reply.getText());
        }
        if (probes != null) heard.addAll(counted(rb.knowledge(), probes));

        List<Observation> kept = new ArrayList<>(said.remembered()), withdrawn = new ArrayList<>();
        for (Observation o : heard) (said.withdrawn().contains(o.getText()) ? withdrawn : kept).add(o);
        List<Observation> observations = latest(kept);
        Set<String> runbooks = new LinkedHashSet<>(said.runbooks());
        runbooks.addAll(in.runbooks());
        Set<String> setAside = new LinkedHashSet<>(said.setAside());
        if (unsure) setAside.add(said.openQuestion());
        for (Observation o : observations) setAside.remove(o.getSymptom());
        Set<String> on = rb.runbooksOn(said.stacks().isEmpty() ? stacks : said.stacks(), runbooks, setAside);
        Diagnosis d = withdrawn.isEmpty() && said.nextChecks()
                ? diagnoser.remembered(rb, memos.outcomes(), observations, runbooks, on, setAside, said.openQuestion(),
                        notUnderstood)
                : diagnoser.diagnose(rb, observations, withdrawn, runbooks, on, setAside, said.openQuestion(), notUnderstood,
                        said.nextChecks());
        boolean answered = said.openQuestion() != null
                && heard.stream().anyMatch(o -> o.getSymptom().equals(said.openQuestion()));
        return new Answer(d, heard, notUnderstood, probes, answered, observations, runbooks, rb.knowledge(),
                unsure ? said.openQuestion() : null, setAside, on);
    }

    /** Answers {@code said} on {@code rb} as it is, without recording anything (the scenarios). */
    static Answer answerOn(Rulebook rb, Said said) {
        return of(rb).answer(rb, new Memos(rb.revision()), said, null);
    }

    /** A live check's observations count when it is counted, and only for symptoms the knowledge defines. */
    private static List<Observation> counted(Knowledge k, List<ProbeResult> probes) {
        List<Observation> out = new ArrayList<>();
        for (ProbeResult r : probes) {
            if (!r.counted()) continue;
            for (Observation o : r.observations()) if (k.symptoms().containsKey(o.getSymptom())) out.add(o);
        }
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
