package triage.engine;

import triage.knowledge.Knowledge;
import triage.language.Interpretation;
import triage.language.similar.Recall;
import triage.model.Diagnosis;
import triage.model.Maybe;
import triage.model.Observation;
import triage.model.ProbeResult;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
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
    /** How long one diagnosis may take before it is answered 503. */
    static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(10);
    /** Diagnoses stuck in an action that may be set aside before every diagnosis is refused. */
    static final int MAX_STUCK = 4;
    /** Runs the rules under {@link #DEADLINE}; null for the scenarios, which run under their own. */
    private final Watchdog watchdog;
    private final AtomicReference<Memos> memos = new AtomicReference<>(new Memos(null));
    /** Reads by example what the phrases left unread; null: phrases alone. */
    private final Recall recall;
    /** Whether a call waits for the sentence model to load (ask) or answers without it meanwhile (serve). */
    private final boolean waitForModel;

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
        this(rules, unrecognized, observer, checks, stacks, new Watchdog(DEADLINE, MAX_STUCK, "diagnosis"), null, false);
    }

    private Triage(LiveRulebook rules, UnrecognizedLog unrecognized, Observer observer, LiveChecks checks,
                   Set<String> stacks, Watchdog watchdog, Recall recall, boolean waitForModel) {
        this.watchdog = watchdog;
        this.rules = Objects.requireNonNull(rules);
        this.unrecognized = Objects.requireNonNull(unrecognized);
        this.observer = Objects.requireNonNull(observer);
        this.checks = Objects.requireNonNull(checks);
        this.stacks = Set.copyOf(Objects.requireNonNull(stacks));
        this.recall = recall;
        this.waitForModel = waitForModel;
    }

    /** The stacks this deployment runs; empty when not set. */
    public Set<String> stacks() { return stacks; }

    /** A triage of one fixed rulebook, recording nothing: how the scenarios are run (phrases alone). */
    static Triage of(Rulebook rb) {
        return new Triage(LiveRulebook.serving(rb), new UnrecognizedLog(1, Clock.systemUTC()), (d, nanos) -> { },
                LiveChecks.NONE, Set.of(), null, null, false);
    }

    /**
     * This triage, also reading by example ({@link Recall}) what the phrases leave unread; with
     * {@code waitForModel} a call loads the sentence model when it needs it ({@code ask}), without
     * it the phrases answer alone until the model has loaded in the background ({@link #startRecall}).
     */
    public Triage withRecall(Recall recall, boolean waitForModel) {
        return new Triage(rules, unrecognized, observer, checks, stacks, watchdog, Objects.requireNonNull(recall),
                waitForModel);
    }

    /** As {@link #withRecall(Recall, boolean)}, with the shipped sentence model and thresholds. */
    public Triage withRecall(boolean waitForModel) {
        return withRecall(new Recall(), waitForModel);
    }

    /**
     * Starts loading the sentence model and embedding the live rulebook's examples on a background
     * thread (serve, once listening); does nothing when this triage does not read by example.
     * Closing what it returns waits for that loading to end (see {@link Recall#settle}).
     */
    public AutoCloseable startRecall() {
        if (recall == null) return () -> { };
        Rulebook rb = rules.current();
        recall.startLoading(rb.knowledge(), rb.revision(), rb.cues());
        return recall::settle;
    }

    public LiveRulebook rules() { return rules; }

    /** The knowledge of the live rulebook (runbooks, symptoms' words). */
    public Knowledge knowledge() { return rules.current().knowledge(); }

    /** The live rulebook's runbooks and their rules. */
    public Runbooks runbooks() { return Runbooks.of(rules.current()); }

    /** What people said that no symptom matched, counted. */
    public UnrecognizedLog unrecognized() { return unrecognized; }

    /** Names of what the live checks cover; empty when none are configured. */
    public List<String> checkable() { return checks.names(); }

    /** Whether {@code text} takes back all that was reported before it ("false alarm"), in the live rulebook's words. */
    public boolean retracts(String text) { return rules.current().interpreter().retracts(text); }

    /**
     * Answers one message. What was written is redacted first ({@link triage.model.Redactor}), so no
     * credential typed into a chat reaches a conversation's memory, the unrecognized list or a log.
     * The rules (not the reading of the text) run on a worker thread under {@link #DEADLINE}: a rule
     * whose action never returns costs that worker (at most {@link #MAX_STUCK} are set aside), not the caller.
     * A message on its own ({@link Said#alone}) said before in the same words, with nothing to mask,
     * is answered as it was then ({@link Memos#answered}): an outage where many people send the same thing.
     *
     * @throws RulesStuck when the rules do not finish in time (HTTP answers 503)
     */
    public Answer answer(Said said) {
        long t0 = System.nanoTime();
        Rulebook rb = rules.current();
        Memos memos = memosOf(rb);
        boolean alone = said.alone();
        Answer a = alone ? memos.answered(said.texts()) : null;
        if (a == null) {
            Said clean = said.redacted();
            List<ProbeResult> probes = null;
            if (clean.check()) {
                probes = checks.run();
                probes.forEach(observer::checked);
            }
            a = answer(rb, memos, clean, probes);
            if (alone && clean == said) a = memos.answered(said.texts(), a, recall != null);
        }
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
        boolean unsure = said.openQuestion() != null && !said.texts().isEmpty() && rb.interpreter().unsure(said.texts().get(0));
        if (unsure) notUnderstood.remove(said.texts().get(0));
        // a message about things no runbook covers ("yes, the hdmi one") answers no question of ours
        Observation reply = said.texts().isEmpty() || unsure || in.elsewhere().contains(said.texts().get(0)) ? null
                : rb.interpreter().answerTo(said.openQuestion(), said.texts().get(0), in.readings());
        if (reply != null) {
            heard.add(0, reply);  // what else the message says comes later, so it wins
            notUnderstood.remove(reply.getText());
        }
        List<Maybe> maybe = List.of();
        if (recall != null) {
            // what the phrases left unread (and was no reply), read by the symptoms' examples: whole
            // texts, and the clauses the phrases did not read in texts they read in part
            // (the gaps come with the reading, remembered with it: no text is read a second time)
            Set<String> byPhrase = new HashSet<>();
            for (Observation o : in.readings()) byPhrase.add(o.getSymptom());
            Recall.Result r = recall.read(rb.knowledge(), rb.revision(), rb.cues(), notUnderstood,
                    in.gaps(), waitForModel);
            for (Recall.Found f : r.found()) {
                // a clause read by example never overrides what the phrases read of the same symptom
                if (byPhrase.contains(f.symptom())) continue;
                heard.add(Observation.byExample(f.symptom(), f.present(), f.text(), f.example(), f.similarity()));
            }
            notUnderstood = new ArrayList<>(r.unread());
            maybe = r.maybe();
        }
        if (probes != null) heard.addAll(counted(rb.knowledge(), probes));
        // what is about things elsewhere was read by nothing; said alone, with nothing known before it, it asks nothing back
        notUnderstood.addAll(in.elsewhere());
        boolean asks = said.nextChecks() && (in.elsewhere().isEmpty() || !heard.isEmpty() || !said.remembered().isEmpty()
                || notUnderstood.size() > in.elsewhere().size());
        List<Observation> kept = new ArrayList<>(said.remembered()), withdrawn = new ArrayList<>();
        for (Observation o : heard) (said.withdrawn().contains(o.getText()) ? withdrawn : kept).add(o);
        Set<String> rechecked = new LinkedHashSet<>(said.rechecked());
        String doubted = null;
        // the open question answered, by a reply or by a sentence about it
        Observation again = said.openQuestion() == null ? null : heard.stream()
                .filter(o -> o.getSymptom().equals(said.openQuestion())).findFirst().orElse(null);
        Observation earlier = again == null ? null : said.remembered().stream()
                .filter(o -> o.getSymptom().equals(again.getSymptom())).findFirst().orElse(null);
        if (earlier != null) {
            // a question asked again: the same answer twice stands on two; an answer asked again that
            // contradicts the first is no answer (one of the two was a slip): both go, the question is set aside
            rechecked.add(again.getSymptom());
            // (what the first message said, asked to be checked for real, is not an answer: the check wins)
            if (earlier.isPresent() != again.isPresent() && Asking.ownAnswers(said.remembered()).test(earlier)) {
                doubted = again.getSymptom();
                kept.removeIf(o -> o.getSymptom().equals(again.getSymptom()));
            }
        }
        List<Observation> observations = latest(kept);
        Set<String> runbooks = new LinkedHashSet<>(said.runbooks());
        runbooks.addAll(in.runbooks());
        Set<String> setAside = new LinkedHashSet<>(said.setAside());
        if (unsure) setAside.add(said.openQuestion());
        if (doubted != null) setAside.add(doubted);
        // a check said only in passing stays set aside: the engine may still ask it to be made for real
        for (Observation o : observations) if (!Observation.TEXT.equals(o.getSource())) setAside.remove(o.getSymptom());
        // what people reported votes for their stack; the deployment's live checks may span several
        Set<String> seen = new LinkedHashSet<>();
        for (Observation o : observations) if (!Observation.PROBE.equals(o.getSource())) seen.add(o.getSymptom());
        Set<String> on = memos.runbooksOn(rb, said.stacks().isEmpty() ? stacks : said.stacks(), runbooks, setAside, seen);
        List<String> unread = notUnderstood;
        // only the rules run under the deadline: reading the text has its own budget (and may load a model),
        // and a remembered outcome fires nothing, so it is answered here without a hand-off to a worker
        Diagnoser.Guard guard = watchdog == null ? Diagnoser.Guard.NONE : new Diagnoser.Guard() {
            @Override public <T> T call(Callable<T> firing) { return watchdog.call(firing, rb, "a diagnosis"); }
        };
        Diagnosis d;
        try {
            d = withdrawn.isEmpty() && asks
                    ? diagnoser.remembered(rb, memos.outcomes(), observations, runbooks, on, setAside,
                            rechecked, said.openQuestion(), unread, guard)
                    : guard.call(() -> diagnoser.diagnose(rb, observations, withdrawn, runbooks, on, setAside,
                            rechecked, said.openQuestion(), unread, asks));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (!maybe.isEmpty()) d = d.withMaybe(maybe);
        boolean answered = said.openQuestion() != null && heard.stream().anyMatch(o -> o.getSymptom().equals(said.openQuestion()));
        return new Answer(d, heard, notUnderstood, probes, answered, observations, runbooks, rb.knowledge(),
                unsure ? said.openQuestion() : null, setAside, on, rechecked, doubted);
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
