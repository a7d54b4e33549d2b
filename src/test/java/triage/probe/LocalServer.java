package triage.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real {@code redis-server} or {@code etcd} on free loopback ports with its own data directory.
 * Stopped by its own pid (SIGCONT first, if a test hung it), never by name.
 */
final class LocalServer implements AutoCloseable {
    final String name;
    final int port;
    private final Process process;
    private final Path log;
    private boolean hung;

    private LocalServer(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** redis-server on 127.0.0.1, nothing saved; {@code extra} are more server arguments. */
    static LocalServer redis(Path dir, String... extra) throws Exception {
        return started(() -> {
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--save", "", "--appendonly", "no"));
            cmd.addAll(List.of(extra));
            LocalServer s = start("redis", port, cmd, dir.resolve("redis.log"));
            return s.awaitReady(() -> s.redisAnswers());
        });
    }

    /** A one-member etcd cluster on 127.0.0.1. */
    static LocalServer etcd(Path dir) throws Exception {
        return started(() -> {
            int client = freePort(), peer = freePort();
            String c = "http://127.0.0.1:" + client, p = "http://127.0.0.1:" + peer;
            Path data = dir.resolve("etcd");
            deleteTree(data);  // what an attempt that lost its port left
            List<String> cmd = List.of("etcd", "--name", "probe-it", "--data-dir", data.toString(),
                    "--listen-client-urls", c, "--advertise-client-urls", c, "--listen-peer-urls", p,
                    "--initial-advertise-peer-urls", p, "--initial-cluster", "probe-it=" + p);
            LocalServer s = start("etcd", client, cmd, dir.resolve("etcd.log"));
            return s.awaitReady(() -> s.etcdHealthy());
        });
    }

    /** Starts a server, and again on other ports when it exits while starting. */
    private interface Attempt {
        LocalServer start() throws Exception;
    }

    /** Attempts before a server that keeps exiting while starting fails the test. */
    private static final int ATTEMPTS = 3;

    /**
     * A port found free may be taken by another process (other suites share the machine) before the
     * server binds it; the server then exits at once, and is started again on fresh ports.
     */
    private static LocalServer started(Attempt attempt) throws Exception {
        for (int i = 1; ; i++) {
            try {
                return attempt.start();
            } catch (Exited e) {
                if (i == ATTEMPTS) throw e;
            }
        }
    }

    /** The server exited while starting. */
    private static final class Exited extends AssertionError {
        Exited(String message) { super(message); }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    private static LocalServer start(String name, int port, List<String> cmd, Path log) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new LocalServer(name, port, p, log);
    }

    /** How long a server may take to answer after it starts: seconds on a loaded two-core machine, with a wide margin. */
    private static final long READY_SECONDS = 90;

    private LocalServer awaitReady(BooleanSupplier ready) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < until) {
            // its own process must be alive: on a lost port, another process may answer there
            if (!process.isAlive()) throw new Exited(name + " exited: " + Files.readString(log));
            if (ready.getAsBoolean() && process.isAlive()) return this;
            Thread.sleep(50);
        }
        close();
        throw new AssertionError(name + " not ready in " + READY_SECONDS + " s: " + Files.readString(log));
    }

    String url(String scheme) { return scheme + "://127.0.0.1:" + port; }

    long pid() { return process.pid(); }

    /** SIGSTOP: the process keeps its ports, the kernel accepts connections, nothing answers. */
    void hang() throws IOException {
        signal("-STOP");
        hung = true;
    }

    void resume() throws IOException {
        if (hung) signal("-CONT");
        hung = false;
    }

    private void signal(String sig) throws IOException {
        Process k = new ProcessBuilder("kill", sig, Long.toString(process.pid())).redirectErrorStream(true).start();
        try {
            if (!k.waitFor(5, TimeUnit.SECONDS) || k.exitValue() != 0) throw new AssertionError("kill " + sig + " " + process.pid() + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling " + process.pid(), e);
        }
    }

    @Override public void close() throws IOException {
        resume();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // ---- talking to them the plain way, to set the scene ----

    private boolean redisAnswers() {
        try {
            String reply = redis("PING");
            return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends inline commands on one connection; returns the last reply line. */
    String redis(String... commands) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            String last = "";
            for (String c : commands) {
                out.write((c + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                last = line(in);
            }
            return last;
        }
    }

    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') if (b != '\r') sb.append((char) b);
        return sb.toString();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private boolean etcdHealthy() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("http") + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"true\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Puts a key through etcd's JSON gateway. */
    void etcdPut(String key, String value) throws Exception {
        Base64.Encoder b64 = Base64.getEncoder();
        String body = "{\"key\":\"" + b64.encodeToString(key.getBytes(StandardCharsets.UTF_8)) + "\",\"value\":\""
                + b64.encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "\"}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("http") + "/v3/kv/put"))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError("etcd put: " + r.statusCode() + " " + r.body());
    }
}
