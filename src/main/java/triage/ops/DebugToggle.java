package triage.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill -USR1 <pid>} toggles the log level between INFO and DEBUG while the server runs,
 * the way the PlaceOS runbook's own services do.
 */
public final class DebugToggle {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(DebugToggle.class);

    private DebugToggle() {}

    /** Installs the handler; returns false where the JVM or OS does not offer SIGUSR1. */
    public static boolean install() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("USR1"), signal -> toggle());
            return true;
        } catch (IllegalArgumentException e) {
            log.info("SIGUSR1 is not available here ({}); debug logging cannot be toggled by signal", e.getMessage());
            return false;
        }
    }

    /** Flips the triage loggers between INFO and DEBUG; returns the new level. */
    public static Level toggle() {
        Logger triage = (Logger) LoggerFactory.getLogger("triage");
        Level next = Level.DEBUG.equals(triage.getEffectiveLevel()) ? Level.INFO : Level.DEBUG;
        triage.setLevel(next);
        log.info("log level is now {} (kill -USR1 {} toggles it)", next, ProcessHandle.current().pid());
        return next;
    }
}
