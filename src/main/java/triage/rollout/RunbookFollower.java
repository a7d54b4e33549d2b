package triage.rollout;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.engine.LiveRulebook;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows the set published under the prefix: on start {@link #fetch} gives the published set (if
 * any) as a private directory to open; {@link #follow} then watches the prefix and hands every new
 * set to {@link LiveRulebook#reload(LiveRulebook.Source)}, the same compile-and-scenarios path a
 * file change takes, so a set that fails there is reported and the last good one keeps serving.
 *
 * <p>While etcd cannot be reached the instance keeps what it has: a lost watch is re-opened with
 * backoff (catching up with a read first), and a periodic read notices an outage and the return,
 * one log line each. Everything that changes state runs on one thread.
 */
public final class RunbookFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunbookFollower.class);
    static final String LABEL = "etcd";
    private static final long MIN_BACKOFF_MS = 250, MAX_BACKOFF_MS = 30_000;

    private final Etcd etcd;
    private final Client client;
    private final Duration checkEvery;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "etcd-rollout");
        t.setDaemon(true);
        return t;
    });
    // the fields below are touched on the worker thread only (and before follow() starts it)
    private LiveRulebook rules;
    private LiveRulebook.Source materialised;
    private String fetchedRevision;
    private long seen;
    private long watchFrom;
    private Watch.Watcher watcher;
    private boolean reachable = true;
    private long backoffMs = MIN_BACKOFF_MS;
    private volatile boolean closed;

    public RunbookFollower(Etcd etcd, Duration checkEvery) {
        this.etcd = Objects.requireNonNull(etcd);
        this.checkEvery = checkEvery;
        this.client = etcd.connect();
    }

    public String describe() { return "etcd " + etcd.describe(); }

    /**
     * Reads the published set and writes it to a private directory, ready for
     * {@link LiveRulebook#open(LiveRulebook.Source, triage.engine.RulebookCompiler)}; empty when nothing is published or etcd
     * cannot be reached (the caller serves its local files then).
     */
    public Optional<LiveRulebook.Source> fetch() {
        try {
            GetResponse r = Publisher.await(client.getKVClient().get(etcd.setKey()), etcd);
            watchFrom = r.getHeader().getRevision() + 1;
            if (r.getKvs().isEmpty()) {
                log.info("etcd {}: nothing published yet; serving the local files", etcd.describe());
                return Optional.empty();
            }
            KeyValue kv = r.getKvs().get(0);
            RunbookSet set = RunbookSet.fromJson(kv.getValue().getBytes());
            seen = kv.getModRevision();
            materialised = set.materialise(LABEL);
            fetchedRevision = set.revision();
            log.info("etcd {}: published revision {} (etcd revision {}, published {})", etcd.describe(), set.revision(),
                    kv.getModRevision(), set.publishedAt());
            return Optional.of(materialised);
        } catch (EtcdUnavailable e) {
            reachable = false;
            log.warn("etcd {} is unreachable ({}); serving the local files until it answers", etcd.describe(), e.getMessage());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("etcd {}: the published set cannot be read ({}); serving the local files", etcd.describe(), e.toString());
            return Optional.empty();
        }
    }

    /** Starts watching; {@code live} is what serves now (from {@link #fetch}'s directory or the local files). */
    public void follow(LiveRulebook live) {
        worker.execute(() -> {
            rules = live;
            if (fetchedRevision != null) live.offered(fetchedRevision);
            if (materialised != null && !materialised.equals(live.source())) {
                RunbookSet.delete(materialised); // the published set did not open; local files serve
                materialised = null;
            }
            if (reachable && watchFrom > 0) watch(); else resubscribe();
        });
        long every = checkEvery.toMillis();
        worker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    private void watch() {
        if (closed) return;
        if (watcher != null) watcher.close();
        WatchOption opt = WatchOption.builder().isPrefix(true).withRevision(watchFrom).build();
        watcher = client.getWatchClient().watch(Etcd.bytes(etcd.prefix()), opt, Watch.listener(
                this::onWatch,
                t -> worker.execute(() -> lost(t)),
                () -> worker.execute(() -> lost(null))));
        log.info("watching etcd {} from etcd revision {}", etcd.describe(), watchFrom);
    }

    private void onWatch(WatchResponse response) {
        for (WatchEvent e : response.getEvents()) {
            if (!e.getKeyValue().getKey().equals(etcd.setKey())) continue;
            if (e.getEventType() == WatchEvent.EventType.DELETE) {
                worker.execute(() -> log.warn("etcd {}: the published set was deleted; keeping revision {}", etcd.describe(),
                        rules.status().revision()));
            } else if (e.getEventType() == WatchEvent.EventType.PUT) {
                KeyValue kv = e.getKeyValue();
                worker.execute(() -> apply(kv));
            }
        }
    }

    private void lost(Throwable t) {
        if (closed || watcher == null) return; // onError and onCompleted may both come: one loss, one line
        log.warn("etcd watch ended ({}); re-opening in {} ms", t == null ? "closed by the server" : EtcdUnavailable.describe(t), backoffMs);
        if (watcher != null) watcher.close();
        watcher = null;
        retryLater();
    }

    private void retryLater() {
        worker.schedule(this::resubscribe, backoffMs, TimeUnit.MILLISECONDS);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    }

    /** Catches up with a read (whatever a lost watch missed), then watches from there. */
    private void resubscribe() {
        if (closed) return;
        if (!read()) {
            retryLater();
            return;
        }
        backoffMs = MIN_BACKOFF_MS;
        watch();
    }

    private void check() {
        if (!closed) read();
    }

    /** One read of the set key: notes reachability (one log line per change) and applies a newer set. */
    private boolean read() {
        GetResponse r;
        try {
            r = Publisher.await(client.getKVClient().get(etcd.setKey()), etcd);
        } catch (EtcdUnavailable e) {
            if (reachable) {
                log.warn("etcd {} is unreachable ({}); serving revision {} until it answers", etcd.describe(), e.getMessage(),
                        rules.status().revision());
            }
            reachable = false;
            return false;
        }
        if (!reachable) log.info("etcd {} answers again; serving revision {}", etcd.describe(), rules.status().revision());
        reachable = true;
        if (watcher == null) watchFrom = r.getHeader().getRevision() + 1;
        if (!r.getKvs().isEmpty()) apply(r.getKvs().get(0));
        return true;
    }

    private void apply(KeyValue kv) {
        if (closed || kv.getModRevision() <= seen) return;
        seen = kv.getModRevision();
        RunbookSet set;
        try {
            set = RunbookSet.fromJson(kv.getValue().getBytes());
        } catch (IOException | RuntimeException e) {
            log.warn("etcd revision {}: not a runbook set ({}); keeping revision {}", seen, e.getMessage(), rules.status().revision());
            return;
        }
        rules.offered(set.revision());
        LiveRulebook.Status now = rules.status();
        if (LABEL.equals(now.source()) && set.revision().equals(now.revision())) {
            log.info("etcd revision {}: runbook revision {} is already serving", seen, set.revision());
            return;
        }
        log.info("etcd revision {}: runbook revision {} published {}; loading", seen, set.revision(), set.publishedAt());
        LiveRulebook.Source next;
        try {
            next = set.materialise(LABEL);
        } catch (IOException | RuntimeException e) {
            log.warn("etcd revision {}: cannot write the set ({}); keeping revision {}", seen, e.getMessage(), now.revision());
            return;
        }
        if (rules.reload(next)) {
            if (materialised != null) RunbookSet.delete(materialised);
            materialised = next;
        } else {
            RunbookSet.delete(next);
        }
    }

    @Override public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (watcher != null) watcher.close();
        client.close();
        if (materialised != null) RunbookSet.delete(materialised);
    }
}
