package triage.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.conversation.ConversationStore;
import triage.conversation.Conversations;
import triage.conversation.Turn;
import triage.engine.Answer;
import triage.engine.Said;
import triage.engine.Triage;
import triage.model.Observation;
import triage.util.Digests;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What Triage does with an alert group. A firing group it has not posted: read the alerts
 * ({@link AlertMap}, and their {@code summary}/{@code description} through the language layer);
 * when something in them is understood, run the live checks, diagnose, and post the start of a
 * thread, then the diagnosis with its question in the thread, remembered as the thread's
 * conversation. A later notification of the same group updates that thread: the root message's
 * state, and a note in the thread for alerts that joined or resolved. An unrelated group posts
 * nothing.
 *
 * <p>Several instances post once: each distinct notification (status and alerts' states) is taken
 * by one instance, and the thread of a group is started by the one that claims it; the others
 * wait (at most {@link #WAIT_FOR_THREAD}) for the thread to be recorded and then follow it.
 */
public final class AlertDesk implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertDesk.class);
    static final Duration WAIT_FOR_THREAD = Duration.ofSeconds(15);

    /** One thread posted: how long after the notification arrived. */
    public record Posted(String group, long millis) {}

    private final Triage triage;
    private final Conversations conversations;
    private final Supplier<AlertMap> map;
    private final AlertThreads threads;
    private final AlertGroups groups;
    private final Claims claims;
    private final ThreadPoolExecutor work;
    private final Deque<Posted> posted = new ArrayDeque<>();

    public AlertDesk(Triage triage, Conversations conversations, Supplier<AlertMap> map, AlertThreads threads,
                     AlertGroups groups, Claims claims, int threadCount, int queue) {
        this.triage = triage;
        this.conversations = conversations;
        this.map = map;
        this.threads = threads;
        this.groups = groups;
        this.claims = claims;
        AtomicInteger n = new AtomicInteger();
        this.work = new ThreadPoolExecutor(threadCount, threadCount, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "alerts-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        work.allowCoreThreadTimeOut(true);
    }

    /** Takes a notification to work on in the background. @return false when too many are waiting already */
    public boolean accept(Notification n) {
        long received = System.nanoTime();
        try {
            work.execute(() -> {
                try {
                    handle(n, received);
                } catch (RuntimeException e) {
                    log.error("alert group {}: not handled", key(n.groupKey()), e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** The threads posted lately (at most 100), oldest first. */
    public synchronized List<Posted> posted() { return List.copyOf(posted); }

    public String describe() { return "alerts to " + threads.describe() + ", groups in " + groups.describe(); }

    /** Works on one notification in the calling thread. */
    void handle(Notification n, long received) {
        String group = key(n.groupKey());
        org.slf4j.MDC.put("request", "alert-" + group.substring(0, 8));
        String stateKey = "alert:" + group + ":" + key(state(n));
        if (!claims.claim(stateKey)) {
            log.info("alert group {}: this notification was taken already", group);
            return;
        }
        try {
            Optional<AlertGroups.Group> had = groups.load(group);
            if (had.isEmpty()) {
                String threadKey = "alert:" + group + ":thread";
                if (claims.claim(threadKey)) {
                    if (firing(n).isEmpty()) {
                        // nobody is starting a thread for it either
                        claims.release(threadKey);
                        log.info("alert group {}: resolved, and no thread was posted for it", group);
                    } else if (!open(n, group, received)) {
                        claims.release(threadKey);
                    }
                    return;
                }
                // another instance (or an earlier notification) is starting the thread: follow it once recorded
                had = waitForThread(group);
                if (had.isEmpty()) {
                    log.warn("alert group {}: another instance is starting its thread and has not recorded it within {} s",
                            group, WAIT_FOR_THREAD.toSeconds());
                    return;
                }
            }
            follow(n, group, had.get());
        } catch (AlertGroups.Unavailable e) {
            log.warn("alert group {}: {}", group, e.getMessage());
            claims.release(stateKey);
        } finally {
            org.slf4j.MDC.remove("request");
        }
    }

    /** Starts a thread for a group. @return false when the chat platform did not take it (may be tried again) */
    private boolean open(Notification n, String group, long received) {
        List<Notification.Alert> firing = firing(n);
        List<Observation> mapped = mapped(firing);
        List<String> texts = AlertText.texts(n, firing);
        Said said = Said.texts(texts).inConversation(mapped, Set.of(), null);
        Answer reading = triage.answer(said);
        boolean related = !mapped.isEmpty() || !reading.heard().isEmpty();
        if (!related) {
            log.info("alert group {}: {} alert(s) ({}), none mapped in alerts.yaml or understood; nothing posted", group,
                    firing.size(), AlertText.names(firing));
            return false;
        }
        long read = System.nanoTime();
        Answer a = triage.answer(said.checking(true));
        long checked = System.nanoTime();
        Turn turn = conversations.opening(a);
        List<String> lines = AlertText.lines(a, firing);
        Optional<AlertThreads.Thread> thread = threads.start(AlertText.headline(n, firing, lines, false));
        if (thread.isEmpty()) {
            log.warn("alert group {}: {} did not take the thread", group, threads.describe());
            return false;
        }
        long ms = (System.nanoTime() - received) / 1_000_000;
        record(new Posted(group, ms));
        log.info("alert group {}: thread {} started {} ms after the notification arrived ({}; read {} ms, checked and diagnosed {} ms, posted {} ms)",
                group, thread.get().conversation(), ms, a.diagnosis().top() == null ? "no cause" : a.diagnosis().top().component(),
                (read - received) / 1_000_000, (checked - read) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
        groups.save(group, new AlertGroups.Group(thread.get().channel(), thread.get().ts(), thread.get().conversation(),
                AlertText.fingerprints(firing), lines, false));
        try {
            conversations.remember(thread.get().conversation(), a, turn);
        } catch (ConversationStore.StoreUnavailable e) {
            log.warn("alert group {}: the thread's conversation could not be remembered: {}", group, e.getMessage());
        }
        threads.reply(thread.get(), turn);
        return true;
    }

    /** A later notification of a posted group: say what changed, in the thread and on its root. */
    private void follow(Notification n, String group, AlertGroups.Group g) {
        List<Notification.Alert> firing = firing(n);
        Set<String> now = AlertText.fingerprints(firing);
        Set<String> joined = new TreeSet<>(now);
        joined.removeAll(g.firing());
        List<Notification.Alert> gone = n.alerts().stream().filter(a -> !a.firing() && g.firing().contains(a.fingerprint())).toList();
        boolean resolved = now.isEmpty();
        if (joined.isEmpty() && gone.isEmpty() && resolved == g.resolved() && now.equals(g.firing())) {
            log.info("alert group {}: nothing changed since the thread was last updated", group);
            return;
        }
        AlertThreads.Thread thread = g.thread();
        threads.update(thread, AlertText.headline(n, resolved ? n.alerts() : firing, g.lines(), resolved));
        if (!gone.isEmpty() || resolved) {
            List<Notification.Alert> said = gone.isEmpty() ? n.alerts() : gone;
            threads.note(thread, (resolved ? "Resolved, all of it: " : "Resolved: ") + AlertText.describe(said));
        }
        if (!joined.isEmpty()) {
            threads.note(thread, "Joined the group: " + AlertText.describe(firing.stream().filter(a -> joined.contains(a.fingerprint())).toList()));
        }
        groups.save(group, new AlertGroups.Group(g.channel(), g.ts(), g.conversation(), now, g.lines(), resolved));
        log.info("alert group {}: thread {} updated ({} firing, {} joined, {} resolved)", group, g.conversation(),
                now.size(), joined.size(), resolved ? g.firing().size() : gone.size());
    }

    private Optional<AlertGroups.Group> waitForThread(String group) {
        long deadline = System.nanoTime() + WAIT_FOR_THREAD.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<AlertGroups.Group> g = groups.load(group);
            if (g.isPresent()) return g;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private List<Observation> mapped(List<Notification.Alert> firing) {
        AlertMap m = map.get();
        Map<String, Observation> by = new LinkedHashMap<>();
        for (Notification.Alert a : firing) {
            for (Observation o : m.observations(a.labels(), triage.knowledge())) by.putIfAbsent(o.getSymptom(), o);
        }
        return List.copyOf(by.values());
    }

    private static List<Notification.Alert> firing(Notification n) {
        return n.firing() ? n.firingAlerts() : List.of();
    }

    /** What makes two notifications the same: the group's status and each alert's state. */
    private static String state(Notification n) {
        Set<String> parts = new TreeSet<>();
        n.alerts().forEach(a -> parts.add(a.fingerprint() + ":" + a.status()));
        return n.status() + "|" + String.join(",", parts);
    }

    /** A group's or a state's key: 24 hex digits of its SHA-256 (short enough not to read as a secret in logs). */
    static String key(String text) { return Digests.sha256Hex(text).substring(0, 24); }

    private synchronized void record(Posted p) {
        posted.addLast(p);
        while (posted.size() > 100) posted.removeFirst();
    }

    /** Lets the notifications under way finish (for a few seconds), then stops. */
    @Override public void close() {
        work.shutdown();
        try {
            if (!work.awaitTermination(5, TimeUnit.SECONDS)) work.shutdownNow();
        } catch (InterruptedException e) {
            work.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
