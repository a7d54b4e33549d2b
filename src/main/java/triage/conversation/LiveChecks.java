package triage.conversation;

import triage.model.ProbeResult;

import java.util.List;

/**
 * The live checks a conversation may run when someone says "check": what they cover (for the
 * bot's offer) and a round of them. Results not counted as evidence (every target silent at once)
 * are still reported.
 */
public interface LiveChecks {
    /** Names of what can be checked ("Redis", "etcd"); empty when nothing is configured. */
    List<String> names();

    /** One round of checks, within its budget. */
    List<ProbeResult> run();

    LiveChecks NONE = new LiveChecks() {
        @Override public List<String> names() { return List.of(); }
        @Override public List<ProbeResult> run() { return List.of(); }
    };
}
