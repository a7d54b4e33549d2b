package triage.cli;

import triage.engine.Lint;
import triage.engine.Problem;

import java.util.List;

/** {@code lint --json}: the report as Jackson writes it. */
record LintView(boolean ok, int rules, int scenarios, List<Problem> problems) {
    static LintView of(Lint.Report r) {
        return new LintView(r.ok(), r.rules(), r.scenarios(), r.problems());
    }
}
