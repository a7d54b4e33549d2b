package triage.engine;

import triage.model.RuleRef;

import java.util.Set;

/**
 * What the engine knows of one rule from its text: where it is, what it reads and concludes.
 *
 * @param reads symptoms its conditions test
 * @param infers symptoms it derives
 * @param concludes components it speaks for or against
 * @param text the rule as written, for {@code /api/runbooks}
 */
public record RuleInfo(RuleRef ref, Set<String> reads, Set<String> infers, Set<String> concludes, String text) {
    public String name() { return ref.name(); }
}
