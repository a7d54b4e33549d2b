package triage.cli;

import picocli.CommandLine.Option;
import triage.engine.LiveRulebook;
import triage.engine.Problem;
import triage.engine.RulebookException;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Where the runbooks live: flags, else TRIAGE_RULES / TRIAGE_KNOWLEDGE, else ./rules and ./knowledge. */
public final class Sources {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${env:TRIAGE_RULES:-rules}",
            description = "Directory of .drl runbooks (default: $TRIAGE_RULES or ./rules).")
    Path rules;

    @Option(names = "--knowledge", paramLabel = "DIR", defaultValue = "${env:TRIAGE_KNOWLEDGE:-knowledge}",
            description = "Knowledge directory (default: $TRIAGE_KNOWLEDGE or ./knowledge).")
    Path knowledge;

    /** Loads the runbooks, or says on {@code err} why they do not load and returns null. */
    LiveRulebook open(PrintWriter err) {
        LiveRulebook live = openUnsettled(err);
        if (live != null) live.settle();
        return live;
    }

    /** As {@link #open}, leaving the scenarios and the cache entry to {@link LiveRulebook#settle()}. */
    LiveRulebook openUnsettled(PrintWriter err) {
        try {
            return LiveRulebook.openUnsettled(new LiveRulebook.Source(rules, knowledge, "files"));
        } catch (RulebookException e) {
            err.println("triage: the runbooks do not load:");
            for (Problem p : e.problems()) err.println("  " + p);
            err.flush();
            return null;
        }
    }
}
