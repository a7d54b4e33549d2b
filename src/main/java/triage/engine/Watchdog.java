package triage.engine;

import org.slf4j.MDC;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs rules under a deadline. Nothing stops a thread spinning inside one action (a rule's
 * {@code while (true) {}}), so the rules run on a worker thread and the caller waits at most the
 * deadline: past it, the caller gets {@link RulesStuck} naming the rule the worker is in (read
 * from its stack), and the worker is set aside. At most {@code maxStuck} may be set aside at once;
 * beyond that every call is refused at once rather than another thread lost.
 */
final class Watchdog implements AutoCloseable {
    private final Duration deadline;
    private final int maxStuck;
    private final AtomicInteger stuck = new AtomicInteger();
    private final ExecutorService workers;

    Watchdog(Duration deadline, int maxStuck, String name) {
        this.deadline = deadline;
        this.maxStuck = maxStuck;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Threads set aside now (still spinning in an action). */
    int stuck() { return stuck.get(); }

    /** Runs {@code task} on a worker; {@code rb} names the rule it is stuck in, if it is. */
    <T> T call(Callable<T> task, Rulebook rb, String what) {
        if (stuck.get() >= maxStuck) {
            throw new RulesStuck(stuck.get() + " earlier " + what + "s are stuck in a rule's action; not starting another"
                    + " (reload a fixed rule set, then restart to free them)");
        }
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicInteger state = new AtomicInteger();  // 0 running, 1 done, 2 set aside
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Future<T> f = workers.submit(() -> {
            worker.set(Thread.currentThread());
            Thread.currentThread().setContextClassLoader(loader);
            if (mdc != null) MDC.setContextMap(mdc);
            try {
                return task.call();
            } finally {
                MDC.clear();
                if (!state.compareAndSet(0, 1)) stuck.decrementAndGet();  // it came back after all
            }
        });
        try {
            return f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String rule = rb == null ? null : ruleIn(worker.get(), rb);  // before the interrupt may end it
            f.cancel(true);
            if (state.compareAndSet(0, 2)) stuck.incrementAndGet();
            throw new RulesStuck(what + " did not finish within " + deadline.toMillis() + " ms"
                    + (rule == null ? "" : ": " + rule + " is still running (a loop in its action?)"));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new RulesStuck("interrupted while waiting for " + what);
        }
    }

    /**
     * The rule whose action {@code t} is in, as {@code file:line: rule 'name'}: Drools names the
     * class of a consequence after its rule ({@code Rule_<name with _ for other characters>_<hash>}).
     */
    static String ruleIn(Thread t, Rulebook rb) {
        if (t == null) return null;
        for (StackTraceElement frame : t.getStackTrace()) {
            String cls = frame.getClassName();
            int at = cls.indexOf("Rule_");
            if (at < 0) continue;
            String mangled = cls.substring(at + 5);
            RuleInfo best = null;
            for (RuleInfo info : rb.rules().values()) {
                String m = info.name().replaceAll("[^A-Za-z0-9]", "_");
                if (mangled.startsWith(m) && (best == null || m.length() > best.name().length())) best = info;
            }
            if (best != null) return best.ref().file() + ":" + best.ref().line() + ": rule '" + best.name() + "'";
        }
        return null;
    }

    @Override public void close() { workers.shutdownNow(); }
}
