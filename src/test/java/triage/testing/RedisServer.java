package triage.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server on a free loopback port, in its own temp directory, stopped by its own
 * pid. {@link #pause()} / {@link #resume()} send SIGSTOP / SIGCONT to simulate a hung server.
 */
public final class RedisServer implements AutoCloseable {
    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static RedisServer start() throws IOException, InterruptedException {
        RedisServer r = new RedisServer(freePort(), Files.createTempDirectory("triage-redis"));
        r.launch();
        return r;
    }

    /** Starts again on the same port after {@link #stop()}. */
    public void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (pong()) return;
            if (!process.isAlive()) break;
            Thread.sleep(50);
        }
        stop();
        throw new IOException("redis-server did not start on port " + port + ": " + Files.readString(dir.resolve("redis.log")));
    }

    private boolean pong() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(500);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[7];
            int n = s.getInputStream().read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    public int port() { return port; }

    public String url() { return "redis://127.0.0.1:" + port; }

    public void pause() throws IOException, InterruptedException { signal("-STOP"); }

    public void resume() throws IOException, InterruptedException { signal("-CONT"); }

    private void signal(String sig) throws IOException, InterruptedException {
        new ProcessBuilder("kill", sig, String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException {
        if (process == null) return;
        try {
            resume();
        } catch (IOException ignored) {
            // already gone
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Override public void close() throws InterruptedException { stop(); }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
