package triage.language.similar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.knowledge.Knowledge;
import triage.knowledge.Symptom;
import triage.model.Maybe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Reads, by example, the texts the phrases left unread. One per process: it holds the sentence
 * model ({@link Encoder}) and the examples of the latest knowledge revision asked about, embedded
 * once per revision. Thread-safe.
 *
 * <p>Each unread text is cut into clauses (at {@code . ; ! ?}, commas and "but"); a clause of two
 * words or more is compared with every example. At or above {@link Thresholds#accept()} it counts
 * as the example's symptom; from {@link Thresholds#ask()} it is a {@link Maybe}; below, nothing.
 * At most {@link #MAX_CLAUSES} clauses are compared per request, in the order they come, and the
 * model reads at most {@link #MAX_NEW_CHARS} characters of clauses it has not seen before: a new
 * clause costs it milliseconds (a long one tens), and a body of many unknown clauses would
 * otherwise cost seconds. A clause longer than {@link #MAX_CLAUSE_CHARS} is no phrasing of a
 * symptom (a pasted log, a flood) and is not compared. What is left over stays unread, as it
 * would without the model.
 */
public final class Recall {
    private static final Logger log = LoggerFactory.getLogger(Recall.class);
    private static final Pattern CLAUSES = Pattern.compile("[.;!?\\n]+|,|\\bbut\\b|\\bhowever\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    /** The clauses one request may have compared with the examples (a person's message has a few). */
    static final int MAX_CLAUSES = 16;
    /** The characters of clauses new to the model that one request may have it read (a few sentences' worth). */
    static final int MAX_NEW_CHARS = 1_000;
    /** The longest clause compared: what people write as one phrase is far shorter. */
    static final int MAX_CLAUSE_CHARS = 300;

    /** What one request may still have compared: clauses, and characters new to the model. Not thread-safe. */
    private final class Allowance {
        private int clauses = MAX_CLAUSES;
        private int newChars = MAX_NEW_CHARS;
        /** Whether {@code clause} may be compared now; if so, it is counted off. */
        boolean take(String clause) {
            if (clause.length() > MAX_CLAUSE_CHARS || clauses <= 0) return false;
            boolean seen = encoder.known(clause);
            if (!seen && newChars < clause.length()) return false;
            clauses--;
            if (!seen) newChars -= clause.length();
            return true;
        }
        boolean spent() { return clauses <= 0; }
    }

    /** A clause read by example. */
    public record Found(String text, String symptom, boolean present, String example, double similarity) {}

    /**
     * What recall made of the unread texts: clauses read, maybes to ask about, and the texts
     * still not understood (a text with no clause read).
     */
    public record Result(List<Found> found, List<Maybe> maybe, List<String> unread) {
        public static Result none(List<String> unread) { return new Result(List.of(), List.of(), List.copyOf(unread)); }
    }

    /** One revision's matcher, built once (on a background thread when nobody waits for it). */
    private record Slot(String revision, CompletableFuture<SentenceMatcher> matcher) {}

    private final Encoder encoder;
    private final Thresholds thresholds;
    private final AtomicReference<Slot> slot = new AtomicReference<>();
    /** The background load {@link #startLoading} began, done once it has ended (either way). */
    private volatile CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);

    public Recall(Encoder encoder, Thresholds thresholds) {
        this.encoder = encoder;
        this.thresholds = thresholds;
    }

    /** With the shipped model and thresholds. */
    public Recall() { this(new Encoder(), Thresholds.DEFAULT); }

    public Encoder encoder() { return encoder; }

    public Thresholds thresholds() { return thresholds; }

    /**
     * Loads the model and embeds this revision's examples on a background thread (serve:
     * listening does not wait for it; until it is done the phrases answer alone).
     */
    public void startLoading(Knowledge knowledge, String revision, SentenceMatcher.Polarity polarity) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loading = done;
        Thread t = new Thread(() -> {
            try {
                matcher(knowledge, revision, polarity, true);
            } catch (RuntimeException e) {
                if (NativeWork.stopping(e)) log.info("stopping: the examples were not embedded");
                else log.warn("reading by example is not available: {}", e.toString());
            } finally {
                done.complete(null);
            }
        }, "embeddings-load");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Reads {@code unread} by example. With {@code wait} the model and the revision's examples
     * are loaded here if they are not yet (ask); without, while either is still loading the texts
     * stay unread and loading goes on in the background (serve).
     */
    public Result read(Knowledge knowledge, String revision, SentenceMatcher.Polarity polarity,
                       List<String> unread, boolean wait) {
        return read(knowledge, revision, polarity, unread, List.of(), wait);
    }

    /**
     * As {@link #read(Knowledge, String, SentenceMatcher.Polarity, List, boolean)}, also reading
     * {@code gaps}: clauses the phrases left unread in texts they read in part. A gap counts only
     * at or above {@link Thresholds#accept()} (no maybe), and one not read is not reported; gaps
     * alone never load the model, they are read once it has loaded.
     */
    public Result read(Knowledge knowledge, String revision, SentenceMatcher.Polarity polarity,
                       List<String> unread, List<String> gaps, boolean wait) {
        if (unread.isEmpty() && gaps.isEmpty()) return Result.none(unread);
        try {
            // a text read in part is answered by its phrases: its gaps never wait for the model (ask)
            if ((!wait || unread.isEmpty()) && !encoder.loaded()) return Result.none(unread);
            Optional<SentenceMatcher> m = matcher(knowledge, revision, polarity, wait);
            if (m.isEmpty()) return Result.none(unread);
            Allowance left = new Allowance();
            Result r = read(knowledge, m.get(), unread, left);
            if (gaps.isEmpty()) return r;
            List<Found> found = new ArrayList<>(r.found());
            for (String g : gaps) {
                if (left.spent()) break;
                if (!left.take(g)) continue;
                Optional<SentenceMatcher.Nearest> n = m.get().nearest(g);
                if (n.isPresent() && n.get().similarity() >= thresholds.accept()) {
                    SentenceMatcher.Nearest near = n.get();
                    found.add(new Found(g, near.example().symptom(), m.get().present(near), near.example().text(), near.similarity()));
                }
            }
            return new Result(List.copyOf(found), r.maybe(), r.unread());
        } catch (RuntimeException e) {
            // the phrases still answer when the model cannot
            log.warn("reading by example failed; phrases alone: {}", e.toString());
            return Result.none(unread);
        }
    }

    /** How long {@link #settle} waits at most. */
    static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(10);

    /**
     * Waits ({@link #SETTLE} at most) for the model and the examples being embedded to finish
     * loading: a process that exits while ONNX Runtime works on a background thread crashes in
     * native code (a stop right after a start). Called when the service closes.
     */
    public void settle() {
        settle(SETTLE);
    }

    /** As {@link #settle()}, waiting {@code bound} at most. */
    void settle(java.time.Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        // a load just begun may not have reached the model yet: its thread's end is what counts
        Encoder.awaitUntil(loading, deadline);
        encoder.settle(deadline);
        Slot s = slot.get();
        if (s != null) Encoder.awaitUntil(s.matcher(), deadline);
    }

    Optional<SentenceMatcher> matcher(Knowledge knowledge, String revision, SentenceMatcher.Polarity polarity,
                                      boolean wait) {
        Slot s = slot.get();
        if (s == null || !s.revision().equals(revision)) {
            Slot fresh = new Slot(revision, new CompletableFuture<>());
            if (slot.compareAndSet(s, fresh)) {
                s = fresh;
                if (wait) {
                    build(fresh, knowledge, polarity);
                } else {
                    Thread t = new Thread(() -> build(fresh, knowledge, polarity), "embeddings-examples");
                    t.setDaemon(true);
                    t.start();
                }
            } else {
                s = slot.get();
            }
        }
        if (!wait && !s.matcher().isDone()) return Optional.empty();
        return Optional.of(s.matcher().join());
    }

    private void build(Slot s, Knowledge knowledge, SentenceMatcher.Polarity polarity) {
        try {
            long t0 = System.nanoTime();
            SentenceMatcher m = SentenceMatcher.of(knowledge, polarity, encoder);
            log.info("{} examples embedded for revision {} in {} ms", m.examples().size(), s.revision(),
                    (System.nanoTime() - t0) / 1_000_000);
            s.matcher().complete(m);
        } catch (RuntimeException e) {
            s.matcher().completeExceptionally(e);
            slot.compareAndSet(s, null);
        }
    }

    Result read(Knowledge knowledge, SentenceMatcher m, List<String> unread) {
        return read(knowledge, m, unread, new Allowance());
    }

    /** As {@link #read(Knowledge, SentenceMatcher, List)}, comparing what {@code left} allows (and counting it off). */
    private Result read(Knowledge knowledge, SentenceMatcher m, List<String> unread, Allowance left) {
        List<Found> found = new ArrayList<>();
        Map<String, Maybe> maybe = new LinkedHashMap<>();
        List<String> still = new ArrayList<>();
        for (String text : unread) {
            List<String> clauses = clauses(text);
            boolean read = false;
            for (String c : clauses) {
                if (left.spent()) break;
                if (!left.take(c)) continue;
                Optional<SentenceMatcher.Nearest> n = m.nearest(c);
                if (n.isEmpty()) continue;
                SentenceMatcher.Nearest near = n.get();
                boolean present = m.present(near);
                String symptom = near.example().symptom();
                if (near.similarity() >= thresholds.accept()) {
                    found.add(new Found(c, symptom, present, near.example().text(), near.similarity()));
                    read = true;
                } else if (near.similarity() >= thresholds.ask()) {
                    Symptom s = knowledge.symptoms().get(symptom);
                    Maybe mb = new Maybe(c, symptom, present, s == null ? symptom : s.label(present),
                            near.example().text(), near.similarity());
                    maybe.merge(symptom + "/" + present, mb, (a, b) -> a.similarity() >= b.similarity() ? a : b);
                }
            }
            if (!read) still.add(text);
        }
        // a maybe about something already read for certain is no question
        found.forEach(f -> maybe.remove(f.symptom() + "/" + f.present()));
        return new Result(found, List.copyOf(maybe.values()), still);
    }

    /** The clauses of a text worth comparing: two words or more (a lone word says too little to compare). */
    static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        for (String c : CLAUSES.split(text)) {
            String t = c.strip();
            if (WORD.matcher(t).results().limit(2).count() >= 2) out.add(t);
        }
        return out;
    }
}
