package triage.cli;

import picocli.CommandLine.Option;
import triage.engine.LiveRulebook;
import triage.engine.Problem;
import triage.engine.RulebookCache;
import triage.engine.RulebookCompiler;
import triage.engine.RulebookException;

import triage.knowledge.Knowledge;
import triage.knowledge.Runbook;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * The stacks a deployment runs, from {@code TRIAGE_STACKS} ("placeos,web-stack"): each must
     * be the stack of some runbook in {@code k}. Null or blank: none set (every stack).
     *
     * @throws IllegalArgumentException naming a stack no runbook has, and the ones there are
     */
    static Set<String> stacks(String value, Knowledge k) {
        if (value == null || value.isBlank()) return Set.of();
        Set<String> known = new TreeSet<>();
        for (Runbook r : k.runbooks().values()) if (!r.general()) known.add(r.stack());
        Set<String> out = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String s = part.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) continue;
            if (!known.contains(s)) throw new IllegalArgumentException("no runbook is about stack '" + s + "'; known: " + known);
            out.add(s);
        }
        return out;
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
