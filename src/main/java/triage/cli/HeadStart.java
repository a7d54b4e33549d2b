package triage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import triage.app.App;
import triage.app.Config;
import triage.engine.RulebookCompiler;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The runbooks of {@code serve} and {@code ask} begin loading before the command line is parsed:
 * building the command line's model by reflection takes a quarter of a start on one core while
 * the other waits. The directories are the ones the environment names (or the defaults); a command
 * whose configuration turns out to name others, or another cache, compiles its own, and the early
 * work is dropped. Even reading that configuration and making the compiler (which starts the
 * logging) happen on a thread of their own, so the main thread goes on to the command line at once.
 * For {@code serve} that thread then initialises Jackson's classes, which the main thread would
 * otherwise meet building the HTTP server, the longest stretch of a start now that the runbooks
 * load from the cache.
 */
public final class HeadStart {
    /** The commands that load the runbooks first thing. */
    private static final List<String> LOADING = List.of("serve", "ask");

    /** The configuration the early compile read and its compiler; both null when nothing began. */
    private record Begun(Config config, RulebookCompiler compiler) {}

    private static final Begun NOTHING = new Begun(null, null);

    private final FutureTask<Begun> begun;

    private HeadStart(FutureTask<Begun> begun) {
        this.begun = begun;
    }

    /** No head start: every command compiles its own. */
    public static HeadStart none() {
        FutureTask<Begun> nothing = new FutureTask<>(() -> NOTHING);
        nothing.run();
        return new HeadStart(nothing);
    }

    /**
     * Begins loading the runbooks when {@code args} name a command that loads them, with no flag
     * that could move them ({@code --rules}, {@code --knowledge}) and no etcd to fetch them from;
     * otherwise (or when the environment is unusable, which the command then reports) none.
     * Returns at once: the configuration is read and the compile begun on a thread of its own.
     */
    public static HeadStart begin(String... args) {
        if (args.length == 0 || !LOADING.contains(args[0])) return none();
        for (String a : args) {
            if (a.startsWith("--rules") || a.startsWith("--knowledge") || a.startsWith("-h") || a.startsWith("--help")) {
                return none();
            }
        }
        FutureTask<Begun> begun = new FutureTask<>(HeadStart::compileEarly);
        boolean serve = "serve".equals(args[0]);
        Thread t = new Thread(() -> {
            begun.run();
            if (serve) warmJson();
        }, "head-start");
        t.setDaemon(true);
        t.start();
        return new HeadStart(begun);
    }

    /**
     * Jackson's first mapper initialises some three hundred classes (its date format's calendar and
     * the locale data behind it among them): made here and dropped, so that {@code serve}'s main
     * thread, which makes its own while building the HTTP server, finds them ready.
     */
    private static void warmJson() {
        try {
            new ObjectMapper();
        } catch (RuntimeException | LinkageError e) {
            // only ever saves time: the main thread meets the same failure and reports it
        }
    }

    private static Begun compileEarly() {
        Config config;
        try {
            config = Config.read(Config.Flags.none());
        } catch (IllegalArgumentException e) {
            return NOTHING;
        }
        if (config.etcdEndpoints() != null) return NOTHING;  // the first set may be the published one
        RulebookCompiler compiler = App.compiler(config);
        compiler.startEarly(config.rules(), config.knowledge());
        return new Begun(config, compiler);
    }

    /** The compiler for {@code config}: the one already at work when it reads the same directories and cache. */
    RulebookCompiler compilerFor(Config config) {
        Begun early;
        try {
            early = begun.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return App.compiler(config);
        } catch (ExecutionException e) {
            early = NOTHING;  // the command compiles its own and reports what is wrong
        }
        if (early.config() != null && early.config().rules().equals(config.rules())
                && early.config().knowledge().equals(config.knowledge())
                && Objects.equals(early.config().cacheDir(), config.cacheDir())) {
            return early.compiler();
        }
        return App.compiler(config);
    }
}
