package triage.testing;

import java.util.Set;

/**
 * A person facing one fault, answering the bot's questions by what they would see: "yes" for the
 * checks whose answer is yes under this fault, "no" for the rest. Chat tests click the buttons the
 * way this person would, so they follow whatever question the engine chooses to ask next.
 */
public record Fault(String component, Set<String> yes) {
    /**
     * The database on the web stack: slow queries block the workers, the request queue grows and
     * the backend stops answering (the seed's "Backend Down" runbook); everything else looks normal.
     */
    public static final Fault DATABASE = new Fault("database", Set.of("backend-down", "request-queue-growing",
            "workers-blocked", "all-views-slow", "database-blocking", "database-disk-queue-high", "slow-queries",
            "dns-resolves-as-expected", "requests-reach-services"));

    /** The answer to the check {@code id}: "yes" or "no". */
    public String answer(String id) {
        return yes.contains(id) ? "yes" : "no";
    }
}
