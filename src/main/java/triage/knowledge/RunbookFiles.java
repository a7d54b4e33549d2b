package triage.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which files make a runbook set: {@code rules/*.drl} and {@code knowledge/**.yaml} (or
 * {@code .yml}). Hidden files and editors' leftovers ({@code .#placeos.drl}, {@code #x.yaml#},
 * {@code placeos.drl~}) do not count. Compiling, publishing and watching all ask here.
 */
public final class RunbookFiles {
    private RunbookFiles() {}

    /** A rule file, by its name. */
    public static boolean isRule(Path file) { return counts(file, ".drl"); }

    /** A knowledge file, by its name. */
    public static boolean isKnowledge(Path file) { return counts(file, ".yaml") || counts(file, ".yml"); }

    /** Either kind: a change to it is a change to the set. */
    public static boolean isRunbookFile(Path file) { return isRule(file) || isKnowledge(file); }

    /** The rule files directly in {@code dir}, sorted. */
    public static List<Path> rules(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return regular(s, RunbookFiles::isRule);
        }
    }

    /** The knowledge files in {@code dir} and below, sorted. */
    public static List<Path> knowledge(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return regular(s, RunbookFiles::isKnowledge);
        }
    }

    private static List<Path> regular(Stream<Path> s, Predicate<Path> kind) {
        return s.filter(kind).filter(Files::isRegularFile).sorted().toList();
    }

    private static boolean counts(Path file, String extension) {
        Path name = file.getFileName();
        if (name == null) return false;
        String n = name.toString();
        return n.endsWith(extension) && n.length() > extension.length() && !n.startsWith(".") && !n.startsWith("#");
    }
}
