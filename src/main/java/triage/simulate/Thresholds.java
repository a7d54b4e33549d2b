package triage.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Targets a run must meet (any left null is not checked), for CI to set on the command line.
 *
 * @param minRight least faults right and concluded in the engine order (mean over runs)
 * @param minRightRate the same as a share of the faults, in [0, 1]
 * @param maxEce greatest expected calibration error of the engine order
 * @param maxBrier greatest Brier score of the engine order
 * @param maxQuestionRatio greatest mean questions of the engine order over those of the fixed order
 */
public record Thresholds(Double minRight, Double minRightRate, Double maxEce, Double maxBrier, Double maxQuestionRatio) {
    /** What is not met, in words; empty when every target given is met. */
    public List<String> unmet(Report r) {
        List<String> out = new ArrayList<>();
        boolean engine = r.outcomes().containsKey(Simulation.Order.ENGINE);
        if ((minRight != null || minRightRate != null || maxEce != null || maxBrier != null) && !engine) {
            out.add("the targets are on the engine order, which was not played");
            return out;
        }
        Report.Totals t = engine ? r.totals(Simulation.Order.ENGINE) : null;
        if (minRight != null && t.rightAndConcluded() < minRight) {
            out.add(String.format(Locale.ROOT, "right and concluded %.1f < --min-right %s", t.rightAndConcluded(), minRight));
        }
        if (minRightRate != null && t.rightAndConcluded() / t.faults() < minRightRate) {
            out.add(String.format(Locale.ROOT, "right and concluded %.3f of faults < --min-right-rate %s",
                    t.rightAndConcluded() / t.faults(), minRightRate));
        }
        if (maxEce != null && !(t.ece() <= maxEce)) out.add(String.format(Locale.ROOT, "ECE %.3f > --max-ece %s", t.ece(), maxEce));
        if (maxBrier != null && !(t.brier() <= maxBrier)) {
            out.add(String.format(Locale.ROOT, "Brier %.3f > --max-brier %s", t.brier(), maxBrier));
        }
        if (maxQuestionRatio != null) {
            double q = r.questionRatio();
            if (Double.isNaN(q)) out.add("--max-question-ratio needs both orders played");
            else if (q > maxQuestionRatio) out.add(String.format(Locale.ROOT, "questions engine/fixed %.2f > --max-question-ratio %s", q, maxQuestionRatio));
        }
        return out;
    }
}
