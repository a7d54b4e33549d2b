package triage.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.engine.Answer;
import triage.engine.Said;
import triage.engine.Triage;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Redactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The one conversation engine behind every channel. A conversation keeps its observations and
 * the question it asked last, and hands each message with them to {@link Triage#answer}, which
 * reads "yes", "nope" or "still broken" as an answer to that question and a full sentence as
 * observations in its own right; what is said later about a symptom replaces what was said
 * before ("actually login works"). The chat adapters ask it, never its store, what it remembers.
 *
 * <p>A cause is <em>settled</em> when the engine says so ({@link Diagnosis#settled()}: confirmed
 * by its own check and clearly ahead, or nothing left to ask). "Not sure" sets the open question
 * aside; a message that cannot be read as an answer gets a clarification, not the same question
 * again; a changed answer, and a settled cause that no longer fits, are said in the reply's notes.
 */
public final class Conversations {
    private static final Logger log = LoggerFactory.getLogger(Conversations.class);

    /** A conversation longer than this is told to start over rather than grow without bound. */
    public static final int MAX_TURNS = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    /** Locks that take one conversation's messages one at a time; ids share them by hash. */
    static final int STRIPES = 256;
    /**
     * Tries at storing a turn that other instances keep beating (with a short random pause
     * between them, so that two instances racing do not keep meeting).
     */
    static final int ATTEMPTS = 20;
    /** How long a message waits behind its conversation's earlier ones before it is refused. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(20);

    private final Triage triage;
    private final ConversationStore store;
    private final Clock clock;
    private final Lock[] stripes = new Lock[STRIPES];
    private final Notes turnNotes;

    public Conversations(Triage triage, ConversationStore store, Clock clock) {
        this.triage = Objects.requireNonNull(triage);
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.turnNotes = new Notes(triage);
        for (int i = 0; i < STRIPES; i++) stripes[i] = new ReentrantLock();
    }

    /** Where they are kept, for logs and {@code /healthz}: "memory" or "redis://host:port". */
    public String describe() { return store.describe(); }

    /**
     * Whether conversation {@code id} is remembered (the bot is in that thread).
     *
     * @throws ConversationStore.StoreUnavailable when the store cannot say in time
     */
    public boolean knows(String id) {
        return validId(id) && store.load(id).isPresent();
    }

    /**
     * Whether conversation {@code id} is remembered and {@code question} (a symptom id) is the one
     * it asked last: a button on an old message must not answer whatever is asked now.
     *
     * @throws ConversationStore.StoreUnavailable when the store cannot say in time
     */
    public boolean isOpen(String id, String question) {
        if (!validId(id) || question == null) return false;
        return store.load(id).map(s -> question.equals(s.lastAsked())).orElse(false);
    }

    public static boolean validId(String id) { return id != null && ID.matcher(id).matches(); }

    /** Takes one message of conversation {@code id} and answers it. */
    public Turn handle(String id, String text) {
        return handle(id, text, () -> { });
    }

    /**
     * Takes one message of conversation {@code id} and answers it; {@code starting} runs first when
     * the conversation is new here (not remembered, and not one that was pushed out), and may throw
     * to refuse it (a per-client limit on new conversations).
     *
     * <p>The messages of one conversation are taken one at a time in this process (a lock among
     * {@value #STRIPES}), and across processes each turn is stored only over the state it was
     * answered on: a turn that lost that race is answered again on what won, at most
     * {@value #ATTEMPTS} times, and then said to have lost its memory rather than silently dropped.
     */
    public Turn handle(String id, String text, Runnable starting) {
        if (!validId(id)) throw new IllegalArgumentException("conversation id must be 1-128 letters, digits or . _ : @ -");
        Objects.requireNonNull(text);
        Lock lock = stripe(id);
        try {
            if (!lock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ConversationStore.StoreUnavailable("conversation " + id + " is busy with earlier messages", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationStore.StoreUnavailable("interrupted while waiting for conversation " + id, e);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                Turn turn = attempt(id, text, starting, attempt == ATTEMPTS);
                if (turn != null) return turn;
                starting = () -> { };
                pause();
                log.info("conversation {}: written meanwhile by another instance; answering again", id);
            }
        } finally {
            lock.unlock();
        }
    }

    /** One try at a turn: null when it lost the race to store it (and {@code last} is false). */
    private Turn attempt(String id, String text, Runnable starting, boolean last) {
        List<String> canCheck = triage.checkable();
        String command = Commands.normalised(text);
        // a retraction ("false alarm, it was my own laptop") forgets what was reported, as "start over" does
        if (Commands.RESET.contains(command) || triage.retracts(text)) {
            boolean lost = false;
            try {
                Optional<ConversationState> had = store.load(id);
                if (had.isPresent() && !store.delete(id, had.get().version())) {
                    if (!last) return null;
                    lost = true;
                }
            } catch (ConversationStore.StoreUnavailable e) {
                log.warn("conversation {}: could not forget it: {}", id, e.getMessage());
                lost = true;
            }
            Answer a = triage.answer(Said.texts(List.of()));
            Diagnosis d = a.diagnosis();
            return new Turn(Turn.Kind.RESET, d, first(d), false, List.of(), null, lost, List.of(), canCheck, a.knowledge());
        }

        boolean lost = false;
        boolean loaded = true;
        ConversationState state;
        try {
            Optional<ConversationState> had = store.load(id);
            if (had.isEmpty()) {
                if (store.evicted(id)) {
                    log.info("conversation {}: pushed out of memory to make room; starting afresh", id);
                    lost = true;
                } else {
                    starting.run();
                }
            }
            state = had.orElseGet(() -> ConversationState.fresh(id));
        } catch (ConversationStore.StoreUnavailable e) {
            log.warn("conversation {}: memory unavailable, answering from this message alone: {}", id, e.getMessage());
            state = ConversationState.fresh(id);
            lost = true;
            loaded = false;
        }
        if (state.turns() >= MAX_TURNS) throw new TooLong(id);

        if (Commands.HELP.contains(command) || Commands.WHY.contains(command)) {
            Answer a = triage.answer(said(List.of(), state, false));
            Diagnosis d = a.diagnosis();
            Turn.Kind kind = Commands.HELP.contains(command) ? Turn.Kind.HELP : Turn.Kind.WHY;
            return new Turn(kind, d, state.lastAsked() == null ? null : question(d, state.lastAsked()), settled(d),
                    List.of(), null, lost, List.of(), canCheck, a.knowledge());
        }

        boolean checking = Commands.CHECK.contains(command) && !canCheck.isEmpty();
        Answer a = triage.answer(said(checking ? List.of() : List.of(text), state, checking));
        Diagnosis d = a.diagnosis();
        boolean settled = settled(d);
        Check question = settled ? null : first(d);
        boolean clarify = state.lastAsked() != null && !checking && a.setAsideNow() == null && a.heard().isEmpty();
        List<String> notes = clarify ? List.of(Notes.clarification(a, state.lastAsked())) : turnNotes.of(state, a, settled);
        String asked = clarify ? state.lastAsked() : question == null ? null : question.id();
        ConversationState next = new ConversationState(id, a.observations(), asked, a.runbooks(), state.turns() + 1,
                Instant.now(clock), a.setAside(), settled ? d.top().component() : null, state.checked() || checking,
                a.rechecked(), state.version() + 1);
        // Without the earlier state this turn is written only where nothing is stored (version 1
        // over none): the store may hold a history it could not read in time, which a fresh state
        // must not replace; and it is not answered again, since the store is not answering.
        try {
            if (!store.save(next)) {
                if (loaded && !last) return null;
                log.warn("conversation {}: could not remember this turn: written meanwhile", id);
                lost = true;
            }
        } catch (ConversationStore.StoreUnavailable e) {
            log.warn("conversation {}: could not remember this turn: {}", id, e.getMessage());
            lost = true;
        }
        if (clarify) {
            // the same question is not asked twice in a row: the reply says how to answer it instead
            return new Turn(Turn.Kind.CLARIFY, d, null, false, List.of(), Redactor.redact(text), lost, List.of(), canCheck,
                    a.knowledge(), notes);
        }
        return new Turn(Turn.Kind.DIAGNOSIS, d, question, settled, a.heard(),
                a.unrecognized().isEmpty() ? null : Redactor.redact(text),
                lost, a.probes() == null ? List.of() : a.probes(), canCheck, a.knowledge(), notes);
    }

    private static void pause() {
        try {
            Thread.sleep(1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationStore.StoreUnavailable("interrupted while retrying a turn", e);
        }
    }

    private Lock stripe(String id) {
        return stripes[(id.hashCode() & 0x7fffffff) % STRIPES];
    }

    static Said said(List<String> texts, ConversationState state, boolean check) {
        return Said.texts(texts).inConversation(state.observations(), state.runbooks(), state.lastAsked())
                .settingAside(state.setAside()).rechecking(state.rechecked()).checking(check);
    }

    /**
     * The first turn of a conversation started by something other than a person (an alert): the
     * answer was worked out already, with its live checks; this says what the bot asks next.
     */
    public Turn opening(Answer a) {
        Diagnosis d = a.diagnosis();
        boolean settled = settled(d);
        return new Turn(Turn.Kind.DIAGNOSIS, d, settled ? null : first(d), settled, a.heard(), null, false,
                a.probes() == null ? List.of() : a.probes(), triage.checkable(), a.knowledge());
    }

    /**
     * Remembers {@code a} as conversation {@code id}'s first turn, asking {@code turn}'s question, so
     * replies in a thread an alert started carry on from its diagnosis. Written only where nothing is
     * stored yet. @return whether it was written
     *
     * @throws ConversationStore.StoreUnavailable when the store cannot do it in time
     */
    public boolean remember(String id, Answer a, Turn turn) {
        if (!validId(id)) throw new IllegalArgumentException("conversation id must be 1-128 letters, digits or . _ : @ -");
        ConversationState first = new ConversationState(id, a.observations(), turn.question() == null ? null : turn.question().id(),
                a.runbooks(), 1, Instant.now(clock), 1);
        return store.save(first);
    }

    /**
     * Forgets conversation {@code id}: deleted only at the version just read, so a delete that
     * reaches the store late cannot remove turns taken since.
     *
     * @throws ConversationStore.StoreUnavailable when the store cannot do it in time (nothing was deleted)
     */
    public void forget(String id) {
        if (!validId(id)) throw new IllegalArgumentException("conversation id must be 1-128 letters, digits or . _ : @ -");
        Lock lock = stripe(id);
        lock.lock();
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<ConversationState> had = store.load(id);
                if (had.isEmpty() || store.delete(id, had.get().version())) return;
            }
            throw new ConversationStore.StoreUnavailable("conversation " + id + " kept changing while being forgotten", null);
        } finally {
            lock.unlock();
        }
    }

    /** Settled as the engine says: its first cause confirmed and clearly ahead, or nothing left to ask. */
    static boolean settled(Diagnosis d) {
        return d.top() != null && d.settled();
    }

    private static Check first(Diagnosis d) {
        return d.nextChecks().isEmpty() ? null : d.nextChecks().get(0);
    }

    private static Check question(Diagnosis d, String id) {
        return d.nextChecks().stream().filter(c -> c.id().equals(id)).findFirst().orElse(first(d));
    }

    /** The conversation has reached {@link #MAX_TURNS}. */
    public static final class TooLong extends RuntimeException {
        public TooLong(String id) {
            super("conversation " + id + " has reached " + MAX_TURNS + " turns; say \"start over\" or DELETE it");
        }
    }
}
