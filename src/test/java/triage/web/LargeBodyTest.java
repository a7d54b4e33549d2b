package triage.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import triage.Fixtures;
import triage.chat.ChatAdapters;
import triage.conversation.Conversations;
import triage.engine.Triage;
import triage.http.HttpServer;
import triage.testing.Servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A huge chunked body (no Content-Length) on every POST path, with the chat secrets set: cut off
 * at the limit while it streams, before any signature work, so it gets 413 and the heap does not
 * grow with it.
 */
class LargeBodyTest {
    private static final long BODY = 128L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ChatAdapters chat;
    private static Javalin app;

    @BeforeAll
    static void start() {
        Triage triage = Fixtures.triage();
        Conversations conversations = Servers.conversations(triage);
        String teams = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
        chat = ChatAdapters.of(new ChatAdapters.Settings("slack-secret", null, "http://127.0.0.1:9/api", teams, null),
                conversations, JSON);
        app = Servers.http(triage, conversations, HttpServer.Options.of("api-token").withChat(chat.routes()))
                .create().start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        chat.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/diagnose", "/slack/events", "/slack/commands", "/slack/interactions", "/teams/webhook"})
    void a_huge_chunked_body_gets_413_without_the_heap_growing(String path) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try { Thread.sleep(2); } catch (InterruptedException e) { return; }
            }
        });
        sampler.start();
        String status;
        try {
            status = postChunked(path);
        } finally {
            sampling.set(false);
            sampler.join();
        }
        assertTrue(status.startsWith("HTTP/1.1 413"), path + ": " + status);
        long grew = peak.get() - before;
        assertTrue(grew < BODY / 4, path + ": the heap grew by " + grew / (1024 * 1024) + " MB for a "
                + BODY / (1024 * 1024) + " MB body");
    }

    /** Sends {@value #BODY} bytes in 64 KiB chunks while reading the answer; returns its status line. */
    private static String postChunked(String path) throws Exception {
        boolean form = path.equals("/slack/commands") || path.equals("/slack/interactions");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: " + (form ? "application/x-www-form-urlencoded" : "application/json") + "\r\n"
                    + "Authorization: " + (path.startsWith("/api/") ? "Bearer api-token" : "HMAC AAAA") + "\r\n"
                    + "X-Slack-Request-Timestamp: " + System.currentTimeMillis() / 1000 + "\r\n"
                    + "X-Slack-Signature: v0=00\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            AtomicBoolean answered = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent < BODY && !answered.get(); sent += chunk.length) {
                        out.write(size);
                        out.write(chunk);
                        out.write(crlf);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the server closed the connection after answering: the rest was never read
                }
            });
            writer.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            answered.set(true);
            s.shutdownOutput();
            writer.join(60_000);
            assertEquals(false, writer.isAlive(), "the writer stopped");
            return status == null ? "(no answer)" : status;
        }
    }
}
