package triage.simulate;

import java.util.List;
import java.util.Map;

/**
 * The reference order: per stack, the runbook's troubleshooting tree, then the rest of the
 * symptoms its rules read; and for each symptom how a person states it ("login works" / "login fails").
 */
public record FixedOrder(Map<String, List<String>> order, Map<String, Statement> statements) {
    public FixedOrder {
        order = Map.copyOf(order);
        statements = Map.copyOf(statements);
    }

    /** How a person says a symptom is present or absent, and the question that asks for it. */
    public record Statement(String present, String absent, String question) {
        /** Ways to say it, plainest first: "login fails", "it is not true that login works", "Can you log in? no". */
        List<String> ways(boolean isPresent) {
            return List.of(isPresent ? present : absent, "it is not true that " + (isPresent ? absent : present),
                    question + (isPresent ? " yes" : " no"));
        }
    }

    List<String> of(String stack) { return order.getOrDefault(stack, List.of()); }
}
