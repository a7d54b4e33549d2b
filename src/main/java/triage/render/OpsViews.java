package triage.render;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import triage.engine.UnrecognizedLog;

import java.util.List;

/** The bodies of the operations paths, written by Jackson in the order of their components. */
public final class OpsViews {
    private OpsViews() {}

    /** {@code GET /healthz}. */
    public record Health(String status, RulesView rules) {
        public static Health ok(RulesView rules) { return new Health("ok", rules); }
    }

    /** {@code POST /api/admin/reload}: whether the set was swapped, then the rules' status. */
    public record Reload(boolean reloaded, @JsonUnwrapped RulesView rules) {}

    /** {@code GET /api/unrecognized}: what people said that nothing understood, most frequent first. */
    public record Unrecognized(List<Entry> unrecognized) {
        public record Entry(String text, long count, String firstSeen, String lastSeen) {}

        public static Unrecognized of(List<UnrecognizedLog.Entry> top) {
            return new Unrecognized(top.stream().map(e -> new Entry(e.text(), e.count(), e.firstSeen().toString(),
                    e.lastSeen().toString())).toList());
        }
    }

    /** Every error: {@code {"error": "<what is wrong, for a person>"}} (API.md). */
    public record Error(String error) {}
}
