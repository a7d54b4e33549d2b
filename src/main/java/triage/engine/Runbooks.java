package triage.engine;

import triage.knowledge.Runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runbooks of one rulebook as {@code /api/runbooks} shows them: each known runbook, and each
 * runbook a rule names without the knowledge describing it, with its rules in file order.
 *
 * @param runbook what the knowledge says of it; null when only rules name it
 */
public record Runbooks(List<Entry> all) {
    public record Entry(String id, Runbook runbook, List<RuleInfo> rules) {}

    static Runbooks of(Rulebook rb) {
        List<String> ids = new ArrayList<>(rb.knowledge().runbooks().keySet());
        for (RuleInfo r : rb.rules().values()) if (!ids.contains(r.ref().runbook())) ids.add(r.ref().runbook());
        List<Entry> out = new ArrayList<>();
        for (String id : ids) {
            List<RuleInfo> rules = rb.rules().values().stream().filter(r -> id.equals(r.ref().runbook())).toList();
            out.add(new Entry(id, rb.knowledge().runbooks().get(id), rules));
        }
        return new Runbooks(List.copyOf(out));
    }

    public Optional<Entry> get(String id) {
        return all.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
