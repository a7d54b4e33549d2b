package triage.engine;

import java.util.List;

/**
 * MYCIN-style certainty factors: each piece of evidence is a number in [-1, 1]; pieces for a
 * component are combined so that agreeing evidence strengthens without ever reaching 1, and
 * disagreeing evidence cancels in proportion. Positives and negatives are each combined first,
 * then set against each other, which makes the result independent of firing order.
 */
final class Certainty {
    private Certainty() {}

    static double combine(List<Double> factors) {
        double pos = 0, neg = 0;
        for (double f : factors) {
            if (f > 0) pos = pos + f * (1 - pos);
            else if (f < 0) neg = neg + (-f) * (1 - neg);
        }
        if (neg >= 1.0) return -1.0;
        if (pos >= 1.0) return 1.0;
        return (pos - neg) / (1 - Math.min(pos, neg));
    }
}
