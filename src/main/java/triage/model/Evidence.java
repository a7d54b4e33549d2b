package triage.model;

/**
 * A rule's verdict on one component: a certainty factor in [-1, 1]. Positive supports the
 * component as the cause, negative speaks against it, -1 rules it out.
 *
 * <p>Rules insert evidence logically, so it disappears with the observations that justified it.
 * Which rule inserted it, and on which observations, is recorded by the engine, not here: the
 * rule text stays free of bookkeeping.
 */
public final class Evidence {
    private final String component;
    private final double certainty;

    private Evidence(String component, double certainty) {
        if (component == null || component.isBlank()) {
            throw new IllegalArgumentException("evidence needs a component id");
        }
        if (!(certainty >= -1.0 && certainty <= 1.0) || certainty == 0.0) {
            throw new IllegalArgumentException("certainty must be in [-1, 1] and not 0, got " + certainty);
        }
        this.component = component;
        this.certainty = certainty;
    }

    /** Supports {@code component} with strength {@code cf} in (0, 1]. */
    public static Evidence suspect(String component, double cf) {
        return new Evidence(component, Math.abs(cf));
    }

    /** Speaks against {@code component} with strength {@code cf} in (0, 1]. */
    public static Evidence against(String component, double cf) {
        return new Evidence(component, -Math.abs(cf));
    }

    /** Rules {@code component} out: no other evidence can bring it back. */
    public static Evidence rulesOut(String component) {
        return new Evidence(component, -1.0);
    }

    public String getComponent() { return component; }
    public double getCertainty() { return certainty; }
    public boolean isRuleOut() { return certainty <= -1.0; }

    @Override public String toString() { return component + " " + certainty; }
}
