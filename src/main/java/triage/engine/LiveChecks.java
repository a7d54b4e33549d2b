package triage.engine;

import triage.model.ProbeResult;

import java.util.List;

/**
 * The port live checks come in through: what they cover (for the bot's offer, "I can check redis
 * and etcd") and one round of them. The engine owns it; {@code triage.probe} implements it. A
 * round reports every result; one with {@link ProbeResult#counted()} false is shown but not
 * weighed (every target silent at once: the fault is likelier in between).
 */
public interface LiveChecks {
    /** Names of what can be checked ("redis", "etcd"); empty when nothing is configured. */
    List<String> names();

    /** One round of checks, within its budget. */
    List<ProbeResult> run();

    /** Nothing configured: no names, an empty round. */
    LiveChecks NONE = new LiveChecks() {
        @Override public List<String> names() { return List.of(); }
        @Override public List<ProbeResult> run() { return List.of(); }
    };
}
