package triage.engine;

import triage.model.RuleRef;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engine knows of one rule from its text: where it is, what it reads and concludes.
 *
 * @param reads symptoms its conditions test
 * @param infers symptoms it derives
 * @param concludes components it speaks for or against
 * @param text the rule as written, for {@code /api/runbooks}
 */
public record RuleInfo(RuleRef ref, Set<String> reads, Set<String> infers, Set<String> concludes, String text) {
    private static final Pattern WHEN = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b");

    public String name() { return ref.name(); }

    /** The rule's conditions, one per line, comments dropped. */
    public List<String> conditions() {
        Matcher m = WHEN.matcher(text);
        if (!m.find()) return List.of();
        return m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//")).toList();
    }
}
