package triage.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.engine.Diagnoser;
import triage.engine.Rulebook;
import triage.engine.Triage;
import triage.language.Interpretation;
import triage.language.Interpreter;
import triage.language.Reading;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Observation;
import triage.model.Understood;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one conversation engine behind every channel. A conversation keeps its observations and
 * the question it asked last, so "yes", "nope" or "still broken" answer that question, while a
 * full sentence counts as observations in its own right; what is said later about a symptom
 * replaces what was said before ("actually login works").
 *
 * <p>A cause is <em>settled</em> when its confidence is at least {@value #SETTLED} and it leads
 * the next by at least {@value #LEAD}, or when nothing is left to ask.
 */
public final class Conversations {
    private static final Logger log = LoggerFactory.getLogger(Conversations.class);

    static final double SETTLED = 0.8;
    static final double LEAD = 0.25;
    /** A conversation longer than this is told to start over rather than grow without bound. */
    public static final int MAX_TURNS = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Set<String> HELP = Set.of("help", "?", "what can you do", "how does this work", "usage");
    private static final Set<String> RESET = Set.of("start over", "reset", "restart", "start again", "new",
            "clear", "forget it", "begin again");
    private static final Set<String> WHY = Set.of("why", "why?", "explain", "how do you know", "why is that",
            "what makes you think so", "why do you think so");

    private final Triage triage;
    private final ConversationStore store;
    private final Clock clock;

    public Conversations(Triage triage, ConversationStore store, Clock clock) {
        this.triage = Objects.requireNonNull(triage);
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    public ConversationStore store() { return store; }

    public static boolean validId(String id) { return id != null && ID.matcher(id).matches(); }

    /** Takes one message of conversation {@code id} and answers it. */
    public Turn handle(String id, String text) {
        if (!validId(id)) throw new IllegalArgumentException("conversation id must be 1-128 letters, digits or . _ : @ -");
        String command = command(text);
        if (RESET.contains(command)) {
            boolean lost = false;
            try {
                store.delete(id);
            } catch (ConversationStore.StoreUnavailable e) {
                log.warn("conversation {}: could not forget it: {}", id, e.getMessage());
                lost = true;
            }
            Diagnosis d = triage.diagnoseObservations(List.of(), Set.of());
            return new Turn(Turn.Kind.RESET, d, first(d), false, List.of(), null, lost);
        }

        boolean lost = false;
        ConversationState state;
        try {
            state = store.load(id).orElseGet(() -> ConversationState.fresh(id));
        } catch (ConversationStore.StoreUnavailable e) {
            log.warn("conversation {}: memory unavailable, answering from this message alone: {}", id, e.getMessage());
            state = ConversationState.fresh(id);
            lost = true;
        }
        if (state.turns() >= MAX_TURNS) throw new TooLong(id);

        if (HELP.contains(command) || WHY.contains(command)) {
            Diagnosis d = diagnose(state);
            Turn.Kind kind = HELP.contains(command) ? Turn.Kind.HELP : Turn.Kind.WHY;
            return new Turn(kind, d, state.lastAsked() == null ? null : question(d, state.lastAsked()), settled(d),
                    List.of(), null, lost);
        }

        Rulebook rb = triage.rules().current();
        Interpreter in = rb.interpreter();
        Interpretation said = in.read(text);
        List<Observation> heard = new ArrayList<>();
        for (Reading r : said.readings()) heard.add(new Observation(r.symptom(), r.present(), text, Observation.TEXT));
        String asked = state.lastAsked();
        boolean answeredDirectly = asked != null && heard.stream().anyMatch(o -> o.getSymptom().equals(asked));
        if (asked != null && !answeredDirectly && rb.knowledge().symptoms().containsKey(asked)) {
            Boolean answer = in.shortAnswer(text);
            if (answer == null && heard.isEmpty()) answer = in.polarityAbout(asked, text);
            if (answer != null) heard.add(0, new Observation(asked, answer, text, "answer"));
        }

        Map<String, ConversationState.Remembered> merged = new LinkedHashMap<>();
        for (ConversationState.Remembered r : state.observations()) merged.put(r.symptom(), r);
        for (Observation o : heard) {
            merged.remove(o.getSymptom());
            merged.put(o.getSymptom(), ConversationState.Remembered.of(o));
        }
        Set<String> runbooks = new LinkedHashSet<>(state.runbooks());
        runbooks.addAll(said.runbooks());
        ConversationState next = new ConversationState(id, List.copyOf(merged.values()), state.lastAsked(), runbooks,
                state.turns() + 1, Instant.now(clock));
        Diagnosis d = diagnose(next);
        boolean settled = settled(d);
        Check question = settled ? null : first(d);
        next = new ConversationState(id, next.observations(), question == null ? null : question.id(), runbooks,
                next.turns(), next.updatedAt());
        try {
            store.save(next);
        } catch (ConversationStore.StoreUnavailable e) {
            log.warn("conversation {}: could not remember this turn: {}", id, e.getMessage());
            lost = true;
        }
        if (heard.isEmpty()) triage.unrecognized().record(text);
        List<Understood> heardViews = heard.stream()
                .map(o -> Understood.of(o, Diagnoser.label(rb.knowledge(), o))).toList();
        return new Turn(Turn.Kind.DIAGNOSIS, d, question, settled, heardViews, heard.isEmpty() ? text : null, lost);
    }

    /** Forgets conversation {@code id}. */
    public void forget(String id) {
        if (!validId(id)) throw new IllegalArgumentException("conversation id must be 1-128 letters, digits or . _ : @ -");
        store.delete(id);
    }

    private Diagnosis diagnose(ConversationState s) {
        return triage.diagnoseObservations(s.observations().stream().map(ConversationState.Remembered::observation).toList(),
                s.runbooks());
    }

    static boolean settled(Diagnosis d) {
        Cause top = d.top();
        if (top == null) return false;
        if (d.nextChecks().isEmpty()) return true;
        double second = d.causes().size() > 1 ? d.causes().get(1).confidence() : 0.0;
        return top.confidence() >= SETTLED && top.confidence() - second >= LEAD;
    }

    private static Check first(Diagnosis d) {
        return d.nextChecks().isEmpty() ? null : d.nextChecks().get(0);
    }

    private static Check question(Diagnosis d, String id) {
        return d.nextChecks().stream().filter(c -> c.id().equals(id)).findFirst().orElse(first(d));
    }

    private static String command(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z? ]", " ").replaceAll("\\s+", " ").trim()
                .replaceAll("^(please|ok|okay) ", "").replaceAll(" please$", "");
    }

    /** The conversation has reached {@link #MAX_TURNS}. */
    public static final class TooLong extends RuntimeException {
        public TooLong(String id) {
            super("conversation " + id + " has reached " + MAX_TURNS + " turns; say \"start over\" or DELETE it");
        }
    }
}
