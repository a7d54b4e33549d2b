package triage.alerts;

import triage.testing.RedisServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's prometheus-alertmanager on a free loopback port, in a temp directory, clustering off,
 * with a route sending every group to the given webhook URLs (Triage's, with its token), short
 * group_wait and group_interval. Stopped by its own pid.
 */
final class Alertmanager implements AutoCloseable {
    static final String BINARY = "/usr/bin/prometheus-alertmanager";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;
    private final int port;
    private final Process process;

    private Alertmanager(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static Alertmanager start(List<String> webhooks, String token) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("triage-alertmanager");
        StringBuilder config = new StringBuilder("""
                route:
                  receiver: triage
                  group_by: ['alertname']
                  group_wait: 500ms
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: triage
                    webhook_configs:
                """);
        for (String url : webhooks) {
            config.append("      - url: ").append(url).append('\n')
                    .append("        send_resolved: true\n")
                    .append("        max_alerts: 50\n")
                    .append("        http_config:\n")
                    .append("          authorization:\n")
                    .append("            type: Bearer\n")
                    .append("            credentials: ").append(token).append('\n');
        }
        Files.writeString(dir.resolve("alertmanager.yml"), config);
        int port = RedisServer.freePort();
        Process p = new ProcessBuilder(BINARY, "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=debug")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        Alertmanager am = new Alertmanager(dir, port, p);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(am.uri("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return am;
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive()) break;
            Thread.sleep(100);
        }
        am.close();
        throw new IOException("alertmanager did not start: " + am.log());
    }

    URI uri(String path) { return URI.create("http://127.0.0.1:" + port + path); }

    /** Pushes alerts as Prometheus does ({@code POST /api/v2/alerts}). */
    void push(String alertsJson) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/v2/alerts")).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(alertsJson)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("alertmanager refused the alerts: " + r.statusCode() + " " + r.body());
    }

    String log() throws IOException { return Files.readString(dir.resolve("alertmanager.log")); }

    @Override public void close() throws InterruptedException {
        // its own process, by its own handle: nothing else is signalled
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
}
