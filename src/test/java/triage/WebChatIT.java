package triage;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web chat page end to end in headless Chromium: web-test/chat.e2e.mjs (playwright-core)
 * holds one conversation from a vague complaint to a diagnosis against the jar, and keeps a
 * screenshot at target/web-chat.png. Needs node, /usr/bin/chromium and `npm ci` in web-test
 * (.ci/run provides all three).
 */
class WebChatIT {
    @Test
    void a_conversation_in_the_browser_reaches_a_diagnosis() throws Exception {
        Path script = Path.of("web-test/chat.e2e.mjs");
        assertTrue(Files.isDirectory(Path.of("web-test/node_modules/playwright-core")),
                "run `npm ci` in web-test first (.ci/run does)");
        assertTrue(Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))),
                "install Debian's chromium package (.ci/run does)");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("triage.jar", "target/triage.jar"), "serve", "--port", "0").redirectErrorStream(true).start();
        try {
            String base = listening(server);
            assertNotNull(base, "server did not say where it listens");
            Path shot = Path.of("target/web-chat.png").toAbsolutePath();
            Files.deleteIfExists(shot);
            Process browser = new ProcessBuilder("node", script.getFileName().toString(), base, shot.toString())
                    .directory(script.getParent().toFile()).redirectErrorStream(true).start();
            boolean done = browser.waitFor(180, TimeUnit.SECONDS);
            if (!done) browser.destroyForcibly();
            String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(done, "the browser test did not finish in time:\n" + out);
            assertEquals(0, browser.exitValue(), out);
            assertTrue(Files.size(shot) > 10_000, "screenshot kept at " + shot);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    private static String listening(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern pat = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = r.readLine();
            if (line == null) return null;
            Matcher m = pat.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> { try { r.transferTo(java.io.Writer.nullWriter()); } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        return null;
    }
}
