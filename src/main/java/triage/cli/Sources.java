package triage.cli;

import picocli.CommandLine.Option;
import triage.app.App;
import triage.app.Config;
import triage.engine.LiveRulebook;
import triage.engine.Problem;
import triage.engine.RulebookException;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Where the runbooks live: flags, else TRIAGE_RULES / TRIAGE_KNOWLEDGE, else ./rules and ./knowledge (see {@link Config}). */
public final class Sources {
    @Option(names = "--rules", paramLabel = "DIR", description = "Directory of .drl runbooks (default: $TRIAGE_RULES or ./rules).")
    Path rules;

    @Option(names = "--knowledge", paramLabel = "DIR", description = "Knowledge directory (default: $TRIAGE_KNOWLEDGE or ./knowledge).")
    Path knowledge;

    /** The configuration with these flags over the environment. */
    Config config() {
        return Config.read(Config.Flags.none().withDirs(rules, knowledge));
    }

    /**
     * Loads the runbooks, leaving the scenarios and the cache entry to {@link LiveRulebook#check()};
     * or says on {@code err} why they do not load and returns null.
     */
    static LiveRulebook openUnchecked(Config config, PrintWriter err) {
        return openUnchecked(config, App.compiler(config), err);
    }

    /** As {@link #openUnchecked(Config, PrintWriter)}, with {@code compiler} (perhaps at work on them already). */
    static LiveRulebook openUnchecked(Config config, triage.engine.RulebookCompiler compiler, PrintWriter err) {
        try {
            return LiveRulebook.openUnchecked(new LiveRulebook.Source(config.rules(), config.knowledge(), "files"),
                    compiler);
        } catch (RulebookException e) {
            report(e, err);
            return null;
        }
    }

    /** Says on {@code err} why the runbooks do not load. */
    static void report(RulebookException e, PrintWriter err) {
        err.println("triage: the runbooks do not load:");
        for (Problem p : e.problems()) err.println("  " + p);
        err.flush();
    }
}
