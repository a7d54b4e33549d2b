package triage.engine;

/**
 * A diagnosis or scenario did not finish within its deadline: a rule's action spins, or rules
 * keep firing. The request is answered 503; its thread, if still spinning, is set aside.
 */
public final class RulesStuck extends RuntimeException {
    public RulesStuck(String message) {
        super(message, null, false, false);
    }
}
