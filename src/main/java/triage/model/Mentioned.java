package triage.model;

import java.util.Objects;

/**
 * A system people named ("placeos", "daphne"), as the id of its runbook. Rules may read it to
 * keep a generic symptom ("the backend is down") from implicating another system's components.
 */
public final class Mentioned {
    private final String runbook;

    public Mentioned(String runbook) {
        this.runbook = Objects.requireNonNull(runbook);
    }

    public String getRunbook() { return runbook; }

    @Override public String toString() { return "mentioned " + runbook; }
}
