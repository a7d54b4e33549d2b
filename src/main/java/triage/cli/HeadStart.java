package triage.cli;

import triage.app.App;
import triage.app.Config;
import triage.engine.RulebookCompiler;

import java.util.List;
import java.util.Objects;

/**
 * The runbooks of {@code serve} and {@code ask} begin loading before the command line is parsed:
 * building the command line's model by reflection takes a quarter of a start on one core while
 * the other waits. The directories are the ones the environment names (or the defaults); a command
 * whose configuration turns out to name others, or another cache, compiles its own, and the early
 * work is dropped.
 */
public final class HeadStart {
    /** The commands that load the runbooks first thing. */
    private static final List<String> LOADING = List.of("serve", "ask");

    private final Config early;
    private final RulebookCompiler compiler;

    private HeadStart(Config early, RulebookCompiler compiler) {
        this.early = early;
        this.compiler = compiler;
    }

    /** No head start: every command compiles its own. */
    public static HeadStart none() {
        return new HeadStart(null, null);
    }

    /**
     * Begins loading the runbooks when {@code args} name a command that loads them, with no flag
     * that could move them ({@code --rules}, {@code --knowledge}) and no etcd to fetch them from;
     * otherwise (or when the environment is unusable, which the command then reports) none.
     */
    public static HeadStart begin(String... args) {
        if (args.length == 0 || !LOADING.contains(args[0])) return none();
        for (String a : args) {
            if (a.startsWith("--rules") || a.startsWith("--knowledge") || a.startsWith("-h") || a.startsWith("--help")) {
                return none();
            }
        }
        Config config;
        try {
            config = Config.read(Config.Flags.none());
        } catch (IllegalArgumentException e) {
            return none();
        }
        if (config.etcdEndpoints() != null) return none();  // the first set may be the published one
        RulebookCompiler compiler = App.compiler(config);
        compiler.startEarly(config.rules(), config.knowledge());
        return new HeadStart(config, compiler);
    }

    /** The compiler for {@code config}: the one already at work when it reads the same directories and cache. */
    RulebookCompiler compilerFor(Config config) {
        if (early != null && early.rules().equals(config.rules()) && early.knowledge().equals(config.knowledge())
                && Objects.equals(early.cacheDir(), config.cacheDir())) {
            return compiler;
        }
        return App.compiler(config);
    }
}
