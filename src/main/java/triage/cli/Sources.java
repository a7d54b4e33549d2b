package triage.cli;

import picocli.CommandLine.Option;
import triage.engine.LiveRulebook;
import triage.engine.Problem;
import triage.engine.RulebookCache;
import triage.engine.RulebookCompiler;
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

    /** The compiler, with the rule cache TRIAGE_CACHE, XDG_CACHE_HOME or the home directory names. */
    static RulebookCompiler compiler() {
        return new RulebookCompiler(RulebookCache.at(System.getenv("TRIAGE_CACHE"), System.getenv("XDG_CACHE_HOME"),
                System.getProperty("user.home")));
    }

    /** Loads the runbooks, or says on {@code err} why they do not load and returns null. */
    LiveRulebook open(PrintWriter err) {
        LiveRulebook live = openUnchecked(err);
        if (live != null) live.check();
        return live;
    }

    /** As {@link #open}, leaving the scenarios and the cache entry to {@link LiveRulebook#check()}. */
    LiveRulebook openUnchecked(PrintWriter err) {
        try {
            return LiveRulebook.openUnchecked(new LiveRulebook.Source(rules, knowledge, "files"), compiler());
        } catch (RulebookException e) {
            err.println("triage: the runbooks do not load:");
            for (Problem p : e.problems()) err.println("  " + p);
            err.flush();
            return null;
        }
    }
}
