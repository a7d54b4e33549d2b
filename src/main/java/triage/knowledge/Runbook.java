package triage.knowledge;

import java.io.Serializable;
import java.util.List;

/**
 * One runbook: the rules in {@code rules/<id>.drl} and what the knowledge says about them.
 *
 * @param keywords words that, in what people type, point at this runbook's system
 * @param tree the seed's troubleshooting order: asked in this order while no suspect stands
 * @param stack the system the runbook is about ({@code placeos}, {@code web-stack}); {@value #GENERAL}
 *              (knowledge that holds for every system, like cascading failures) when not given
 * @param appliesTo for a general runbook, the stacks its knowledge holds on (empty: every stack);
 *                  on others it comes in only when what people say names it
 */
public record Runbook(String id, String title, String source, List<String> keywords, List<String> tree, String stack,
                      List<String> appliesTo) implements Serializable {
    /** The stack of a runbook whose knowledge applies to every system. */
    public static final String GENERAL = "general";

    public Runbook {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        tree = tree == null ? List.of() : List.copyOf(tree);
        appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
        stack = stack == null || stack.isBlank() ? GENERAL : stack;
    }

    /** Whether this runbook's knowledge holds on every stack. */
    public boolean general() { return GENERAL.equals(stack); }

    /** Whether this runbook holds in a conversation on {@code stacks}. */
    public boolean holdsOn(java.util.Set<String> stacks) {
        if (!general()) return stacks.contains(stack);
        return appliesTo.isEmpty() || appliesTo.stream().anyMatch(stacks::contains);
    }
}
