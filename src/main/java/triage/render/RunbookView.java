package triage.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import triage.engine.RuleInfo;
import triage.engine.Runbooks;
import triage.knowledge.Runbook;

import java.util.List;
import java.util.Set;

/** A runbook as {@code /api/runbooks} shows it: what the knowledge says of it, and its rules. */
public record RunbookView(String id, String title, String source, List<String> tree, List<Rule> rules) {
    /** One rule; {@code when} and {@code text} only when the runbook is asked for by id. */
    public record Rule(String name, String file, int line, String source, Set<String> reads, Set<String> infers,
                       Set<String> concludes,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<String> when,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String text) {
        static Rule of(RuleInfo r, boolean withText) {
            return new Rule(r.name(), r.ref().file(), r.ref().line(), r.ref().source(), r.reads(), r.infers(), r.concludes(),
                    withText ? r.conditions() : null, withText ? r.text() : null);
        }
    }

    /** {@code GET /api/runbooks}: the rules' status, then every runbook. */
    public record All(@JsonUnwrapped RulesView rules, List<RunbookView> runbooks) {
        public static All of(RulesView rules, Runbooks runbooks) {
            return new All(rules, runbooks.all().stream().map(e -> RunbookView.of(e, false)).toList());
        }
    }

    public static RunbookView of(Runbooks.Entry e, boolean withText) {
        Runbook r = e.runbook();
        return new RunbookView(e.id(), r == null ? e.id() : r.title(), r == null ? null : r.source(),
                r == null ? List.of() : r.tree(), e.rules().stream().map(x -> Rule.of(x, withText)).toList());
    }
}
