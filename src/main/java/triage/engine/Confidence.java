package triage.engine;

/**
 * The scale stated confidence is given on. The rules combine certainty factors, which rank
 * causes well but are not probabilities; this maps a cause's certainty onto the rate at which
 * causes of that certainty were observed to be right, measured with the simulated on-call
 * engineer ({@code triage simulate}, eval/faults/dev.yaml, dev2.yaml, dev3.yaml and dev4.yaml, truthful and one
 * answer in ten wrong). Piecewise linear through {@link #CERTAINTY} -> {@link #STATED}, monotone, so the
 * ranking is the certainty's: a stated 0.8 is a cause that was the true fault in about 8 of 10
 * such conversations.
 */
final class Confidence {
    // fitted by eval/faults/fit-confidence (isotonic regression of "right" on certainty over 136
    // truthful conversations and 5 x 136 with one answer in ten wrong, weighted equally); refit
    // with `eval/faults/fit-confidence --write` after the rules or the engine change
    private static final double[] CERTAINTY = {0.0, 0.3, 0.6, 0.8, 0.9, 0.95, 1.0};
    private static final double[] STATED = {0.0, 0.21, 0.72, 0.9, 0.92, 0.98, 0.98};

    private Confidence() {}

    static double stated(double certainty) {
        if (certainty <= CERTAINTY[0]) return STATED[0];
        for (int i = 1; i < CERTAINTY.length; i++) {
            if (certainty <= CERTAINTY[i]) {
                double t = (certainty - CERTAINTY[i - 1]) / (CERTAINTY[i] - CERTAINTY[i - 1]);
                return STATED[i - 1] + t * (STATED[i] - STATED[i - 1]);
            }
        }
        return STATED[STATED.length - 1];
    }
}
