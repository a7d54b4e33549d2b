package triage;

import triage.engine.LiveRulebook;
import triage.engine.Rulebook;
import triage.engine.RulebookException;
import triage.engine.Triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shipped runbooks, and copies of them a test may break. */
public final class Fixtures {
    public static final Path RULES = Path.of("rules");
    public static final Path KNOWLEDGE = Path.of("knowledge");
    private static Rulebook shipped;

    private Fixtures() {}

    public static synchronized Rulebook shipped() {
        if (shipped == null) {
            try {
                shipped = Rulebook.load(RULES, KNOWLEDGE);
            } catch (RulebookException e) {
                throw new AssertionError("the shipped runbooks do not load:\n" + e.getMessage(), e);
            }
        }
        return shipped;
    }

    public static Triage triage() {
        try {
            return new Triage(LiveRulebook.open(RULES, KNOWLEDGE));
        } catch (RulebookException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Copies rules/ and knowledge/ under {@code dir}; returns dir. */
    public static Path copyRunbooks(Path dir) {
        copyTree(RULES, dir.resolve("rules"));
        copyTree(KNOWLEDGE, dir.resolve("knowledge"));
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
