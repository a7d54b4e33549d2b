package triage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dependencies point inward: the engine knows nothing of HTTP, chat or the command line. */
class ArchitectureTest {
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "model", List.of("io.javalin", "org.kie", "org.drools", "triage.engine", "triage.http", "triage.cli", "triage.language"),
            "knowledge", List.of("io.javalin", "org.kie", "org.drools", "triage.engine", "triage.http", "triage.cli"),
            "language", List.of("io.javalin", "org.kie", "org.drools", "triage.engine", "triage.http", "triage.cli"),
            "engine", List.of("io.javalin", "triage.http", "triage.cli", "triage.render"),
            "render", List.of("io.javalin", "org.kie", "org.drools", "triage.http", "triage.cli"),
            "http", List.of("org.kie", "org.drools", "triage.cli"),
            // chat adapters translate wire formats: they reach the core through Triage and Conversations only
            "chat", List.of("org.kie", "org.drools", "triage.engine", "triage.language", "triage.knowledge", "triage.http",
                    "triage.cli", "triage.probe"));
    /** The faces a package may import although the package they live in is forbidden to it. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "chat", List.of("triage.engine.Triage"));

    @Test
    void packages_import_only_inward() throws IOException {
        List<String> violations = new ArrayList<>();
        for (var e : FORBIDDEN.entrySet()) {
            Path dir = Path.of("src/main/java/triage", e.getKey());
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (!line.startsWith("import ")) continue;
                        String imported = line.substring("import ".length()).replace("static ", "").replace(";", "").strip();
                        if (ALLOWED.getOrDefault(e.getKey(), List.of()).contains(imported)) continue;
                        for (String bad : e.getValue()) {
                            if (line.contains(" " + bad + ".") || line.contains(" static " + bad + ".")) {
                                violations.add(f + ": " + line);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
