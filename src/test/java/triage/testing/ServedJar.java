package triage.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built jar running {@code serve --port 0} in its own process, for integration tests: it
 * waits for the {@code listening on} line, keeps the log, and stops the process by its pid.
 * Settings that would switch things on (Redis, chat adapters, a token) are cleared from the
 * inherited environment unless the test passes them.
 */
public final class ServedJar implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final List<String> CLEARED = List.of("TRIAGE_REDIS_URL", "TRIAGE_API_TOKEN", "SLACK_SIGNING_SECRET",
            "SLACK_BOT_TOKEN", "SLACK_API_URL", "TEAMS_WEBHOOK_SECRET", "TRIAGE_ETCD_ENDPOINTS");

    private final Process process;
    private final List<String> log;
    /** Reads the process's output into {@link #log} until it ends. */
    private final Thread reader;
    private final String base;

    private ServedJar(Process process, String base, List<String> log, Thread reader) {
        this.process = process;
        this.reader = reader;
        this.base = base;
        this.log = log;
    }

    /** Starts {@code serve} and returns once it is ready to answer. */
    public static ServedJar start(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ServedJar s = listening(env, args);
        awaitReady(s.base);
        return s;
    }

    /** Starts {@code serve} and returns at its {@code listening on} line, perhaps before its runbooks have loaded. */
    public static ServedJar listening(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return listening(List.of(), env, args);
    }

    /** As {@link #listening(Map, String...)}, the JVM given {@code jvmArgs} ({@code -D} settings) before {@code -jar}. */
    public static ServedJar listening(List<String> jvmArgs, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return listening(jar(), jvmArgs, env, args);
    }

    /** The jar the build made ({@code mvn verify} names it; {@code target/triage.jar} otherwise). */
    public static Path jar() { return Path.of(System.getProperty("triage.jar", "target/triage.jar")); }

    /** As {@link #listening(List, Map, String...)}, running {@code jar} (a copy of the built one). */
    public static ServedJar listening(Path jar, List<String> jvmArgs, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        CLEARED.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        String[] found = new String[1];
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (found[0] == null && m.find()) {
                        found[0] = m.group(1);
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                ready.countDown();
            }
        }, "served-jar-log");
        reader.setDaemon(true);
        reader.start();
        // a cold start of several JVMs at once on a loaded two-core machine: a wide margin
        if (!ready.await(180, TimeUnit.SECONDS) || found[0] == null) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("serve did not say where it listens; it printed:\n" + String.join("\n", lines));
        }
        return new ServedJar(p, found[0], lines, reader);
    }

    /**
     * Waits until the server at {@code base} is ready ({@code /healthz} 200): it listens before its
     * runbooks have loaded, and a cold start of several JVMs at once on two cores takes a while.
     */
    public static void awaitReady(String base) throws IOException, InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/healthz"))
                    .timeout(java.time.Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (last == 200) return;
            Thread.sleep(100);
        }
        throw new IOException(base + " did not become ready within 300 s (last /healthz: " + last + ")");
    }

    public static ServedJar start(String... args) throws IOException, InterruptedException { return start(Map.of(), args); }

    public String base() { return base; }

    public long pid() { return process.pid(); }

    /** What the process printed so far. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public boolean alive() { return process.isAlive(); }

    /** Waits, {@code wait} at most, for a line of the log that contains {@code text}; returns whether one came. */
    public boolean awaitLine(String text, java.time.Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().stream().anyMatch(l -> l.contains(text))) return true;
            Thread.sleep(5);
        }
        return false;
    }

    /** Waits, {@code wait} at most, for the process to end by itself; its exit status, or -1 (still running). */
    public int awaitExit(java.time.Duration wait) throws InterruptedException {
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) return -1;
        reader.join(10_000);
        return process.exitValue();
    }

    /**
     * Sends SIGTERM and returns the exit status (the process is killed, and -1 returned, after 30 s).
     * The log then holds all the process printed: the signal goes by its pid, as a supervisor's does
     * ({@link Process#destroy} would also close the pipe before the last lines were read).
     */
    public int stop() throws InterruptedException {
        process.toHandle().destroy();
        if (process.waitFor(30, TimeUnit.SECONDS)) {
            reader.join(10_000);
            return process.exitValue();
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return -1;
    }

    @Override public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
