package triage.app;

import triage.engine.Triage;
import triage.model.Diagnosis;
import triage.model.ProbeResult;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tells the observer it wraps of every diagnosis, and notes the first. Work that a fresh
 * {@code serve} owes but nobody waits for (the probe clients' connections: netty, gRPC and TLS,
 * seconds of a core; the first set's scenario check) starts once the first answer is out, or
 * after {@link #AT_MOST} without one, so that on two cores it does not share them with the
 * first answer.
 */
final class FirstAnswer implements Triage.Observer {
    /** How long work waits for a first answer before it starts anyway: short, as a check asked for before the
     *  clients are connected loads them within its own budget (2 s by default). */
    static final Duration AT_MOST = Duration.ofSeconds(2);

    private final Triage.Observer to;
    private final CompletableFuture<Void> answered = new CompletableFuture<>();

    FirstAnswer(Triage.Observer to) {
        this.to = to;
    }

    @Override public void diagnosed(Diagnosis d, long nanos) {
        to.diagnosed(d, nanos);
        answered.complete(null);
    }

    @Override public void checked(ProbeResult r) { to.checked(r); }

    /** Runs {@code work} on a daemon thread named {@code name} once the first answer is out, or {@code wait} has passed. */
    void then(Runnable work, String name, Duration wait) {
        answered.copy().completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS).thenRunAsync(work, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /** As {@link #then(Runnable, String, Duration)}, waiting at most {@link #AT_MOST}. */
    void then(Runnable work, String name) {
        then(work, name, AT_MOST);
    }
}
