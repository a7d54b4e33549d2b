package triage.knowledge;

import java.io.Serializable;
import java.util.List;

/**
 * A runbook test: what people said, and what the diagnosis must then be.
 *
 * @param withdraw observations (texts from {@code observations}) taken back after the first firing
 * @param expectTop the first cause must be one of these (empty: no cause at all)
 * @param expectNotAmong components that must not be among the causes
 * @param expectRuledOut components that must be ruled out
 * @param expectNext the first next check, when given
 */
public record Scenario(String file, String name, List<String> observations, List<String> withdraw,
                       List<String> expectTop, List<String> expectNotAmong, List<String> expectRuledOut,
                       String expectNext) implements Serializable {
    public Scenario {
        observations = observations == null ? List.of() : List.copyOf(observations);
        withdraw = withdraw == null ? List.of() : List.copyOf(withdraw);
        expectTop = expectTop == null ? List.of() : List.copyOf(expectTop);
        expectNotAmong = expectNotAmong == null ? List.of() : List.copyOf(expectNotAmong);
        expectRuledOut = expectRuledOut == null ? List.of() : List.copyOf(expectRuledOut);
    }

    @Override public String toString() { return file + ": " + name; }
}
