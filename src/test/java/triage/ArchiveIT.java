package triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.testing.ServedJar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The class archive {@code mvn package} dumps beside the jar ({@code target/triage.jsa}, by
 * {@code deploy/dump-class-archive} from a {@code serve --exit-when-ready} start): a server given
 * it serves from it, and one given a stale or a missing archive starts and serves all the same,
 * with nothing about it in its output (the README's flags).
 */
class ArchiveIT {
    /** What the README's command adds before {@code -jar}, but the archive. */
    private static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";
    /** How the class-load log names a class mapped from the dynamic archive. */
    private static final String FROM_ARCHIVE = "source: shared objects file (top)";

    @Test
    void a_start_with_the_built_archive_loads_its_classes_from_it_and_serves(@TempDir Path dir) throws Exception {
        assumeFalse(Boolean.getBoolean("triage.archive.skip"), "built with -Dtriage.archive.skip: no archive to test");
        Path archive = ServedJar.jar().resolveSibling("triage.jsa");
        assertTrue(Files.isRegularFile(archive), archive + " was not written by the build (see its WARNING in the build's output)");
        Path classes = dir.resolve("classes.log");
        List<String> log = serveAndAnswer(ServedJar.jar(), archive, classes);
        List<String> loaded = Files.readAllLines(classes);
        long shared = loaded.stream().filter(l -> l.contains(FROM_ARCHIVE)).count();
        // a start loads some 5,500 classes; an archive of no more than a JVM's start holds a few hundred
        assertTrue(shared > 2_000, shared + " classes from the archive");
        for (String c : List.of("triage.cli.ServeCommand", "org.eclipse.jetty.server.Server", "io.javalin.Javalin",
                "com.fasterxml.jackson.databind.ObjectMapper", "org.drools.core.impl.RuleBaseFactory")) {
            assertTrue(loaded.stream().anyMatch(l -> l.contains(" " + c + " " + FROM_ARCHIVE)), c + " from the archive");
        }
        assertQuiet(log);
    }

    @Test
    void a_stale_archive_is_ignored_without_a_word_and_the_server_serves(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(ServedJar.jar(), dir.resolve("triage.jar"));
        Path archive = dir.resolve("triage.jsa");
        // an archive of this copy from a short start, taken before the copy is "rebuilt"
        assertEquals(0, java(dir, "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(), "--version").status());
        assertTrue(sharedClasses(jar, archive, dir) > 0, "the archive is used while it matches the jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertEquals(0, sharedClasses(jar, archive, dir), "a rebuilt jar's classes are not taken from its old archive");
        // what the JVM says of it unless told not to: the reason for the README's -Xlog setting
        assertTrue(java(dir, "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "--version").output()
                .contains("Unable to use shared archive"));

        Path classes = dir.resolve("classes.log");
        assertQuiet(serveAndAnswer(jar, archive, classes));
        assertTrue(Files.readAllLines(classes).stream().noneMatch(l -> l.contains(FROM_ARCHIVE)));
    }

    @Test
    void a_missing_archive_is_ignored_without_a_word_and_the_server_serves(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes.log");
        assertQuiet(serveAndAnswer(ServedJar.jar(), dir.resolve("none.jsa"), classes));
        assertTrue(Files.readAllLines(classes).stream().noneMatch(l -> l.contains(FROM_ARCHIVE)));
    }

    /** The start the build dumps the archive from: it says where it listens, loads the model, and ends with 0. */
    @Test
    void serve_exit_when_ready_ends_by_itself_once_the_model_has_loaded() throws Exception {
        ServedJar served = ServedJar.listening(List.of(), Map.of(), "--exit-when-ready");
        int status = served.awaitExit(Duration.ofSeconds(120));  // about 2 s here: the model's load
        if (status == -1) served.stop();
        String all = String.join("\n", served.log());
        assertEquals(0, status, all);
        assertTrue(all.contains("sentence embeddings loaded"), all);
    }

    /** Starts {@code jar} given {@code archive}, classes logged to {@code classes}; one answer, then a stop. Its output. */
    private static List<String> serveAndAnswer(Path jar, Path archive, Path classes) throws Exception {
        ServedJar served = ServedJar.listening(jar, List.of("-XX:SharedArchiveFile=" + archive, QUIET,
                "-Xlog:class+load=info:file=" + classes), Map.of());
        try {
            ServedJar.awaitReady(served.base());
            HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(served.base() + "/api/diagnose"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"observations\": [\"can't log in\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode(), res.body());
        } finally {
            assertEquals(143, served.stop(), String.join("\n", served.log()));
        }
        return served.log();
    }

    /** The JVM's lines are not in the output, and {@code listening on} is a line of its own. */
    private static void assertQuiet(List<String> log) {
        String all = String.join("\n", log);
        assertFalse(log.stream().anyMatch(l -> l.contains("[cds") || l.contains("shared archive") || l.contains("[warning]")), all);
        assertTrue(log.stream().anyMatch(l -> l.matches("listening on http://127\\.0\\.0\\.1:\\d+")), all);
    }

    /** How many classes {@code java -jar jar --version} takes from {@code archive}. */
    private static long sharedClasses(Path jar, Path archive, Path dir) throws Exception {
        Path classes = Files.createTempFile(dir, "classes", ".log");
        Run r = java(dir, "-XX:SharedArchiveFile=" + archive, QUIET, "-Xlog:class+load=info:file=" + classes, "-jar", jar.toString(), "--version");
        assertEquals(0, r.status(), r.output());
        assertFalse(r.output().contains("[cds"), r.output());
        return Files.readAllLines(classes).stream().filter(l -> l.contains(FROM_ARCHIVE)).count();
    }

    private record Run(int status, String output) {}

    /** Runs this JVM's java with {@code args} in {@code dir}; a second here, killed by its pid after 60 s. */
    private static Run java(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(cmd + " did not end within 60 s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
