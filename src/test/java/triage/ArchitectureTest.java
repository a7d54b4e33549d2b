package triage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Dependencies point inward. The table below is the one place the allowed arrows are written
 * down: each package of {@code triage} with the packages of {@code triage} it may import, and the
 * outside libraries it must not. A package missing from the table fails the test, so a new one
 * has to be placed; so does one without its package doc or its line in the README's layout.
 */
class ArchitectureTest {
    /**
     * Network clients stay at the edge: lettuce's connection in redis, its command types where Redis
     * is spoken (conversation, chat, alerts) and in probe; jetcd in probe and rollout, gRPC there and
     * in util's call deadline they share.
     */
    private static final List<String> CLIENTS = List.of("io.lettuce", "io.etcd", "io.grpc", "io.netty", "io.vertx");
    private static final List<String> DROOLS = List.of("org.kie", "org.drools");

    private record Arrows(Set<String> may, List<String> never) {
        static Arrows of(String may, List<String> never) {
            return new Arrows(may.isBlank() ? Set.of() : Set.of(may.split(" ")), never);
        }
    }

    private static final Map<String, Arrows> TABLE = new LinkedHashMap<>();
    static {
        // Lower layers first: a package may import only packages above it in this table, so no arrow
        // points back up (the_table_is_layered holds that).
        // package          may import (triage.*)                                              must not import
        TABLE.put("util",         Arrows.of("",                                                 with(DROOLS, "io.javalin", "io.lettuce", "io.etcd")));
        TABLE.put("model",        Arrows.of("",                                                 with(CLIENTS, "io.javalin")));
        TABLE.put("redis",        Arrows.of("",                                                 with(DROOLS, "io.javalin", "io.etcd", "io.grpc")));
        TABLE.put("web",          Arrows.of("",                                                 with(CLIENTS, DROOLS)));
        TABLE.put("knowledge",    Arrows.of("model util",                                       with(CLIENTS, "io.javalin", "org.kie", "org.drools")));
        TABLE.put("language",     Arrows.of("model knowledge util",                             with(CLIENTS, "io.javalin", "org.kie", "org.drools")));
        TABLE.put("engine",       Arrows.of("model knowledge language util",                    with(CLIENTS, "io.javalin")));
        TABLE.put("conversation", Arrows.of("model knowledge language engine redis util",       with(DROOLS, "io.javalin", "io.etcd", "io.grpc")));
        TABLE.put("probe",        Arrows.of("model knowledge engine util",                      with(DROOLS, "io.javalin")));
        TABLE.put("rollout",      Arrows.of("model knowledge engine util",                      with(DROOLS, "io.javalin", "io.lettuce")));
        // the simulated engineer talks to the bot as a channel does, through Conversations
        TABLE.put("simulate",     Arrows.of("model knowledge engine conversation",              with(CLIENTS, DROOLS, "io.javalin")));
        TABLE.put("render",       Arrows.of("model knowledge engine conversation",              with(CLIENTS, DROOLS, "io.javalin")));
        // alerts in: read like a message, diagnosed through Triage, answered through Conversations
        TABLE.put("alerts",       Arrows.of("model knowledge engine conversation redis web util", with(DROOLS, "io.etcd", "io.grpc")));
        TABLE.put("ops",          Arrows.of("model engine",                                     with(CLIENTS, DROOLS, "io.javalin")));
        // the edges reach the core through Triage, Conversations and the LiveChecks port
        TABLE.put("http",         Arrows.of("model engine conversation probe render ops web",   with(CLIENTS, DROOLS)));
        TABLE.put("chat",         Arrows.of("model conversation render web redis util alerts",  with(DROOLS, "io.etcd", "io.grpc")));
        TABLE.put("app",          Arrows.of("model knowledge engine conversation probe rollout render ops http chat web redis util alerts",
                                                                                                 List.of("org.kie", "org.drools")));
        TABLE.put("cli",          Arrows.of("model language engine probe rollout render app simulate alerts",
                                                                                                 with(CLIENTS, DROOLS, "io.javalin")));
    }

    @SafeVarargs
    private static List<String> with(List<String> more, Object... names) {
        List<String> out = new ArrayList<>(more);
        for (Object n : names) {
            if (n instanceof List<?> l) l.forEach(x -> out.add((String) x));
            else out.add((String) n);
        }
        return out;
    }

    @Test
    void every_package_is_in_the_table() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/triage"))) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(packages), new TreeSet<>(TABLE.keySet()));
    }

    @Test
    void main_only_wires_the_commands() throws IOException {
        List<String> imports = Files.readAllLines(Path.of("src/main/java/triage/Main.java")).stream()
                .filter(l -> l.startsWith("import triage.") && !l.startsWith("import triage.cli.")).toList();
        assertEquals(List.of(), imports);
    }

    @Test
    void every_package_has_its_doc_and_a_line_in_the_readme_layout() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("## Layout");
        String layout = readme.substring(from, readme.indexOf("```", readme.indexOf("```", from) + 3));
        String overview = Files.readString(Path.of("src/main/java/triage/package-info.java"));
        List<String> missing = new ArrayList<>();
        Path root = Path.of("src/main/java/triage");
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                if (!Files.isRegularFile(d.resolve("package-info.java"))) missing.add(d + ": no package-info.java");
                if (d.equals(root)) continue;
                String name = root.relativize(d).toString().replace('\\', '/');
                if (!layout.contains("\n  " + name + "/ ")) missing.add(name + "/: not in the README's layout");
                if (!name.contains("/") && !overview.contains("{@code " + name + "}")) {
                    missing.add(name + ": not named in triage/package-info.java");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void the_table_is_layered_so_no_arrow_points_back_up() {
        List<String> above = new ArrayList<>();
        List<String> backwards = new ArrayList<>();
        for (var e : TABLE.entrySet()) {
            for (String target : e.getValue().may()) {
                if (!above.contains(target)) backwards.add(e.getKey() + " -> " + target);
            }
            above.add(e.getKey());
        }
        assertEquals(List.of(), backwards);
    }

    @Test
    void util_imports_nothing_of_triage() {
        assertEquals(Set.of(), TABLE.get("util").may());
    }

    @Test
    void packages_import_only_along_the_arrows_of_the_table() throws IOException {
        List<String> violations = new ArrayList<>();
        for (var e : TABLE.entrySet()) {
            String pkg = e.getKey();
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/triage", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (!line.startsWith("import ")) continue;
                        String imported = line.substring("import ".length()).replace("static ", "").replace(";", "").strip();
                        if (!allowed(pkg, imported, e.getValue())) violations.add(f + ": " + line);
                    }
                }
            }
            // fully qualified references in code count too
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/triage", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    for (String other : TABLE.keySet()) {
                        if (other.equals(pkg) || e.getValue().may().contains(other)) continue;
                        if (text.matches("(?s).*[^.\\w]triage\\." + other + "\\.[A-Z].*")) {
                            violations.add(f + ": names triage." + other);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static boolean allowed(String pkg, String imported, Arrows arrows) {
        for (String bad : arrows.never()) if (imported.startsWith(bad + ".")) return false;
        if (!imported.startsWith("triage.")) return true;
        String target = imported.substring("triage.".length()).split("\\.")[0];
        return target.equals(pkg) || arrows.may().contains(target);
    }
}
