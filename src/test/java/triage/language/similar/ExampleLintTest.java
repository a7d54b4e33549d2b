package triage.language.similar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.engine.Lint;
import triage.engine.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lint on the examples: another symptom's reading, and two symptoms too close, each at its line. */
class ExampleLintTest {
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @Test
    void an_example_read_as_another_symptom_and_one_too_close_to_another_symptom_are_errors_at_their_lines(@TempDir Path dir)
            throws IOException {
        copy(Path.of("rules"), dir.resolve("rules"));
        copy(Path.of("knowledge"), dir.resolve("knowledge"));
        Path symptoms = dir.resolve("knowledge/symptoms.yaml");
        List<String> lines = Files.readAllLines(symptoms);
        int at = lines.indexOf("      - \"nobody can sign in to backoffice\"");
        assertTrue(at > 0, "the login example moved");
        // "redis is down" is what redis-healthy's phrases read; "etcd is down" is an etcd-healthy example word for word
        lines.add(at + 1, "      - \"redis is down\"");
        lines.add(at + 2, "      - \"etcd is down\"");
        Files.write(symptoms, lines);

        Lint.Report r = Lint.run(triage.Fixtures.compiler(), dir.resolve("rules"), dir.resolve("knowledge"), new Encoder(), Thresholds.DEFAULT);
        List<Problem> problems = r.problems();
        Problem other = problems.stream().filter(p -> p.message().contains("reads as 'redis-healthy'")).findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals(symptoms.toString(), other.file());
        assertEquals(at + 2, other.line());
        Problem close = problems.stream().filter(p -> p.message().contains("too close") && p.message().contains("etcd-healthy"))
                .findFirst().orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals(at + 3, close.line());
        assertTrue(close.message().contains("similarity 1.00"), close.message());
    }
}
