package triage.render;

import triage.engine.LiveRulebook;

/** Which rule set serves, from where, since when, and why the last reload failed (null when it did not). */
public record RulesView(String revision, String source, String published, String loadedAt, String error) {
    public static RulesView of(LiveRulebook.Status s) {
        return new RulesView(s.revision(), s.source(), s.offered(), s.loadedAt().toString(),
                s.error() == null ? null : String.join("\n", s.error()));
    }
}
