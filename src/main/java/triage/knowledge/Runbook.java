package triage.knowledge;

import java.util.List;

/**
 * One runbook: the rules in {@code rules/<id>.drl} and what the knowledge says about them.
 *
 * @param keywords words that, in what people type, point at this runbook's system
 * @param tree the seed's troubleshooting order: asked in this order while no suspect stands
 */
public record Runbook(String id, String title, String source, List<String> keywords, List<String> tree) {
    public Runbook {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        tree = tree == null ? List.of() : List.copyOf(tree);
    }
}
