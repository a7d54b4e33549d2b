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

    /** How a person says a symptom is present or absent. */
    public record Statement(String present, String absent) {
        String of(boolean isPresent) { return isPresent ? present : absent; }
    }

    List<String> of(String stack) { return order.getOrDefault(stack, List.of()); }
}
