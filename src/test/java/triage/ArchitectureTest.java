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
    /** Network clients stay at the edge (probe; lettuce in conversation, jetcd in rollout), never in the core. */
    private static final List<String> CLIENTS = List.of("io.lettuce", "io.etcd", "io.grpc", "io.netty", "io.vertx");

    private static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("model", with(CLIENTS, "io.javalin", "org.kie", "org.drools", "triage.engine", "triage.http", "triage.cli", "triage.language", "triage.probe")),
            Map.entry("knowledge", with(CLIENTS, "io.javalin", "org.kie", "org.drools", "triage.engine", "triage.http", "triage.cli", "triage.probe")),
            Map.entry("language", with(CLIENTS, "io.javalin", "org.kie", "org.drools", "triage.engine", "triage.http", "triage.cli", "triage.probe")),
            // the engine reloads from directories; where they come from (files, etcd) is someone else's business
            Map.entry("engine", with(CLIENTS, "io.javalin", "triage.http", "triage.cli", "triage.render",
                    "triage.rollout", "triage.chat", "triage.conversation", "triage.probe")),
            Map.entry("rollout", List.of("io.javalin", "io.lettuce", "triage.http", "triage.cli", "triage.chat", "triage.conversation", "triage.probe")),
            Map.entry("render", with(CLIENTS, "io.javalin", "org.kie", "org.drools", "triage.http", "triage.cli", "triage.probe")),
            Map.entry("probe", List.of("io.javalin", "org.kie", "org.drools", "triage.http", "triage.cli", "triage.render", "triage.chat",
                    "triage.rollout", "triage.conversation")),
            Map.entry("http", with(CLIENTS, "org.kie", "org.drools", "triage.cli")),
            // chat adapters translate wire formats: they reach the core through Triage and Conversations only
            Map.entry("chat", List.of("org.kie", "org.drools", "triage.engine", "triage.language", "triage.knowledge", "triage.http",
                    "triage.cli", "triage.probe")),
            // helpers every package may use: they use none of Triage, nor any client but gRPC's interceptor
            Map.entry("util", List.of("triage", "io.javalin", "io.lettuce", "io.etcd", "io.netty", "io.vertx", "org.kie", "org.drools")),
            // the simulated engineer talks to the bot as a channel does, through Conversations
            Map.entry("simulate", with(CLIENTS, "io.javalin", "org.kie", "org.drools", "triage.http", "triage.cli", "triage.chat",
                    "triage.probe", "triage.render", "triage.rollout")));
    /** The faces a package may import although the package they live in is forbidden to it. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "chat", List.of("triage.engine.Triage"));

    private static List<String> with(List<String> more, String... names) {
        List<String> out = new ArrayList<>(List.of(names));
        out.addAll(more);
        return out;
    }

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
