package triage.cli;

import sun.misc.Signal;
import triage.language.similar.NativeWork;

import java.time.Duration;
import java.util.List;

/**
 * SIGTERM, SIGINT and SIGHUP stop the process as the JVM's own handlers do (shutdown hooks run,
 * exit status 128 + the signal's number), after the sentence model's native work has ended
 * ({@link NativeWork#quiesce}): ONNX Runtime's shutdown hook frees what a session being created
 * on another thread still uses, and the process would crash instead of stopping. When that work
 * outlasts the wait, the process halts (no shutdown hooks) rather than crash.
 */
public final class StopSignals {
    /** How long a stop waits for the model's native work: loading takes about a second. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * A shorter wait, for tests only ({@code java -Dtriage.stopWait=PT0S -jar ...}): a stop during
     * the load then takes the halt below without a machine ten times too slow.
     */
    static final String WAIT_PROPERTY = "triage.stopWait";

    private StopSignals() {}

    /** Installs the handlers; a signal the OS does not offer, or one ignored (nohup), is left as it is. */
    public static void install() {
        for (String name : List.of("TERM", "INT", "HUP")) {
            try {
                Signal.handle(new Signal(name), StopSignals::stop);
            } catch (IllegalArgumentException e) {
                // not offered here, or taken by the JVM (-Xrs): its default stands
            }
        }
    }

    private static void stop(Signal signal) {
        // still at work after the wait (a machine so loaded that loading takes ten times its second): the
        // shutdown hooks would crash the process under it, so it ends without them, with the same status
        if (!NativeWork.process().quiesce(waitFor())) {
            System.err.println("stopping while the sentence model is still loading: exiting without shutdown hooks");
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        System.exit(128 + signal.getNumber());
    }

    /** {@link #WAIT}, or the test's wait when {@link #WAIT_PROPERTY} names one (an ISO-8601 duration). */
    static Duration waitFor() {
        String wait = System.getProperty(WAIT_PROPERTY);
        if (wait == null) return WAIT;
        try {
            return Duration.parse(wait);
        } catch (java.time.format.DateTimeParseException e) {
            return WAIT;
        }
    }
}
