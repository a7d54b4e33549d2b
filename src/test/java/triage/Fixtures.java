package triage;

import triage.app.App;
import triage.app.Config;
import triage.engine.LiveChecks;
import triage.engine.LiveRulebook;
import triage.engine.Rulebook;
import triage.engine.RulebookCompiler;
import triage.engine.RulebookException;
import triage.engine.Triage;
import triage.engine.UnrecognizedLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

/** The shipped runbooks, and copies of them a test may break. */
public final class Fixtures {
    public static final Path RULES = Path.of("rules");
    public static final Path KNOWLEDGE = Path.of("knowledge");
    private static Rulebook shipped;
    /** A rule whose action spins for ever on the login scenarios, written so that the static check of actions lets it through. */
    public static final String SPINNING_RULE = """
            package triage.rules;

            import triage.model.Observation;

            rule "Spins on login"
            when
                Observation(symptom == "login-works", present == false)
            then
                long n = 1;
                while (n > 0) { n = n | 1; }
            end
            """;

    private Fixtures() {}

    public static synchronized Rulebook shipped() {
        if (shipped == null) {
            try {
                shipped = load(RULES, KNOWLEDGE);
            } catch (RulebookException e) {
                throw new AssertionError("the shipped runbooks do not load:\n" + e.getMessage(), e);
            }
        }
        return shipped;
    }

    public static Triage triage() {
        try {
            return new Triage(open(RULES, KNOWLEDGE));
        } catch (RulebookException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The shipped runbooks served, with {@code checks} as the live checks. */
    public static Triage triage(LiveChecks checks) {
        try {
            return new Triage(open(RULES, KNOWLEDGE), new UnrecognizedLog(100, Clock.systemUTC()), (d, nanos) -> { }, checks);
        } catch (RulebookException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The shipped runbooks served on a deployment that runs {@code stacks} (TRIAGE_STACKS). */
    public static Triage triage(java.util.Set<String> stacks) {
        try {
            return new Triage(open(RULES, KNOWLEDGE), new UnrecognizedLog(100, Clock.systemUTC()), (d, nanos) -> { },
                    LiveChecks.NONE, stacks);
        } catch (RulebookException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A compiler with the cache the environment names, as the commands make it. */
    public static RulebookCompiler compiler() {
        return App.compiler(Config.read(Config.Flags.none()));
    }

    /** Compiles a set of runbooks, as {@code lint} does. */
    public static Rulebook load(Path rules, Path knowledge) throws RulebookException {
        return compiler().load(rules, knowledge);
    }

    /** Serves a set of runbooks from two directories, as {@code serve} does. */
    public static LiveRulebook open(Path rules, Path knowledge) throws RulebookException {
        return LiveRulebook.open(new LiveRulebook.Source(rules, knowledge, "files"), compiler());
    }

    /** Copies rules/ and knowledge/ under {@code dir}; returns dir. */
    public static Path copyRunbooks(Path dir) {
        copyTree(RULES, dir.resolve("rules"));
        copyTree(KNOWLEDGE, dir.resolve("knowledge"));
        return dir;
    }

    /**
     * Copies knowledge/ to {@code dir} with the first {@code from} in {@code file} written as {@code to}: one
     * setting changed, to see what the loader says of it. Returns dir.
     */
    public static Path knowledgeEdited(Path dir, String file, String from, String to) {
        copyTree(KNOWLEDGE, dir);
        try {
            Path f = dir.resolve(file);
            String text = Files.readString(f);
            if (!text.contains(from)) throw new IllegalArgumentException(file + " holds no '" + from + "'");
            Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
