package triage.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-member etcd on free loopback client and peer ports, with a temp data directory,
 * stopped by its own pid. {@link #pause()} / {@link #resume()} simulate a hung server.
 */
public final class EtcdServer implements AutoCloseable {
    private final int clientPort;
    private final int peerPort;
    private final Path dir;
    private Process process;

    private EtcdServer(int clientPort, int peerPort, Path dir) {
        this.clientPort = clientPort;
        this.peerPort = peerPort;
        this.dir = dir;
    }

    public static EtcdServer start() throws IOException, InterruptedException {
        int client = RedisServer.freePort();
        int peer = RedisServer.freePort();
        while (peer == client) peer = RedisServer.freePort();
        EtcdServer e = new EtcdServer(client, peer, Files.createTempDirectory("triage-etcd"));
        e.launch();
        return e;
    }

    /** Starts (again, on the same ports and data) after {@link #stop()}. */
    public void launch() throws IOException, InterruptedException {
        String clientUrl = "http://127.0.0.1:" + clientPort, peerUrl = "http://127.0.0.1:" + peerPort;
        process = new ProcessBuilder("etcd", "--name", "triage-test", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
                "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                "--initial-cluster", "triage-test=" + peerUrl, "--initial-cluster-state", "new",
                "--log-level", "warn")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("etcd.log").toFile())).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) break;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(clientUrl + "/health"))
                        .timeout(Duration.ofMillis(500)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"true\"")) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        stop();
        throw new IOException("etcd did not become healthy on port " + clientPort + ": " + Files.readString(dir.resolve("etcd.log")));
    }

    public String endpoint() { return "http://127.0.0.1:" + clientPort; }

    public void pause() throws IOException, InterruptedException { signal("-STOP"); }

    public void resume() throws IOException, InterruptedException { signal("-CONT"); }

    private void signal(String sig) throws IOException, InterruptedException {
        new ProcessBuilder("kill", sig, String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        try {
            resume();
        } catch (IOException ignored) {
            // already gone
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Override public void close() throws InterruptedException {
        stop();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
