package triage.simulate;

import java.util.List;

/** How well stated confidence matches the observed rate of being right. */
public final class Calibration {
    /** Equal-width bins for the expected calibration error. */
    public static final int BINS = 10;

    private Calibration() {}

    /** One conversation: the top cause's stated confidence, and whether it was the true fault. */
    public record Point(double confidence, boolean right) {}

    /** Mean of (confidence - right)^2: 0 is perfect, 0.25 is what a constant 0.5 scores. NaN when empty. */
    public static double brier(List<Point> points) {
        if (points.isEmpty()) return Double.NaN;
        double sum = 0;
        for (Point p : points) {
            double d = p.confidence() - (p.right() ? 1 : 0);
            sum += d * d;
        }
        return sum / points.size();
    }

    /**
     * Expected calibration error: the points fall into {@value #BINS} equal-width bins of confidence
     * ([0, 0.1), ..., [0.9, 1.0]); the error is the mean over bins of |accuracy - mean confidence|,
     * each bin weighted by its share of the points. NaN when empty.
     */
    public static double ece(List<Point> points) {
        if (points.isEmpty()) return Double.NaN;
        int[] n = new int[BINS];
        double[] conf = new double[BINS];
        double[] right = new double[BINS];
        for (Point p : points) {
            int b = Math.min(BINS - 1, Math.max(0, (int) Math.floor(p.confidence() * BINS)));
            n[b]++;
            conf[b] += p.confidence();
            right[b] += p.right() ? 1 : 0;
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (n[b] == 0) continue;
            ece += (double) n[b] / points.size() * Math.abs(right[b] / n[b] - conf[b] / n[b]);
        }
        return ece;
    }
}
