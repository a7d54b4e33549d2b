package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Slack's Socket Mode: no public URL. {@code apps.connections.open} with the app-level token
 * ({@code xapp-...}) gives a WebSocket URL; Slack sends envelopes over it ({@code events_api},
 * {@code slash_commands}, {@code interactive}), each acknowledged by its {@code envelope_id} as soon
 * as it is read, before any work. On a {@code disconnect} message (Slack recycles connections) the
 * new socket is opened before the old one is closed; a socket that drops is replaced after a pause
 * that doubles (with jitter) up to {@code maxBackoff}. Slack may deliver an event again (on another
 * socket, or after a late ack): the handlers take each {@code event_id} once.
 *
 * <p>Built on the JDK's {@link java.net.http.WebSocket}: the protocol is a dozen lines of JSON over
 * one socket, and the JDK client brings no dependency (Slack's bolt-socket-mode would bring the
 * Slack SDK, Tyrus or Java-WebSocket, and its own threads and retry policy beside ours).
 */
final class SlackSocketMode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);
    private static final int MAX_MESSAGE = 1024 * 1024;

    /** What the envelopes' payloads are handed to. */
    record Handlers(Consumer<JsonNode> events, Consumer<JsonNode> commands, Consumer<JsonNode> interactions) {}

    private final String appToken;
    private final URI open;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Handlers handlers;
    private final Duration timeout;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger failures = new AtomicInteger();
    private final Object lock = new Object();
    private volatile Connection current;
    private volatile boolean closed;
    private volatile boolean reconnectPending;

    SlackSocketMode(String appToken, URI apiBase, ObjectMapper json, Handlers handlers, Duration timeout, Duration firstBackoff,
                    Duration maxBackoff) {
        if (appToken == null || !appToken.startsWith("xapp-")) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN must be an app-level token (xapp-...) with connections:write");
        }
        this.appToken = appToken;
        String base = apiBase.toString();
        this.open = URI.create(base.endsWith("/") ? base + "apps.connections.open" : base + "/apps.connections.open");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = Objects.requireNonNull(json);
        this.handlers = Objects.requireNonNull(handlers);
        this.timeout = timeout;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slack-socket-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects in the background (and keeps reconnecting until closed). */
    void start() {
        scheduler.execute(this::connect);
    }

    /** Whether a socket is open now (for tests and the start-up log). */
    boolean connected() {
        Connection c = current;
        return c != null && !c.socket.isOutputClosed();
    }

    /** One WebSocket and what has been read of its current message. */
    private final class Connection implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private volatile boolean retired;
        /** Closed or failed, possibly before it became the current one. */
        private volatile boolean dead;

        @Override public void onOpen(WebSocket ws) {
            socket = ws;
            ws.request(1);
        }

        @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (partial.length() + data.length() > MAX_MESSAGE) {
                log.warn("slack socket: a message over {} bytes; dropped", MAX_MESSAGE);
                partial.setLength(0);
            } else {
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    partial.setLength(0);
                    received(this, message);
                }
            }
            ws.request(1);
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            log.info("slack socket closed ({} {})", status, reason);
            dead = true;
            dropped(this);
            return null;
        }

        @Override public void onError(WebSocket ws, Throwable error) {
            log.warn("slack socket failed: {}", error.toString());
            dead = true;
            dropped(this);
        }

        /** Sends one text frame; the JDK socket takes one send at a time. */
        void send(String text) throws Exception {
            synchronized (this) {
                socket.sendText(text, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        void close() {
            retired = true;
            WebSocket ws = socket;
            if (ws == null) return;
            try {
                synchronized (this) {
                    ws.sendClose(WebSocket.NORMAL_CLOSURE, "reconnecting").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                ws.abort();
            }
        }
    }

    private void received(Connection c, String message) {
        JsonNode m;
        try {
            m = json.readTree(message);
        } catch (IOException e) {
            log.warn("slack socket: a message that is not JSON; ignored");
            return;
        }
        String envelopeId = m.path("envelope_id").asText("");
        if (!envelopeId.isEmpty()) {
            // acknowledged first: Slack waits 3 s, then delivers again
            try {
                c.send(json.createObjectNode().put("envelope_id", envelopeId).toString());
            } catch (Exception e) {
                log.warn("slack socket: ack of envelope {} failed: {}", envelopeId, e.toString());
            }
        }
        String type = m.path("type").asText("");
        JsonNode payload = m.path("payload");
        try {
            switch (type) {
                case "hello" -> {
                    failures.set(0);
                    log.info("slack socket mode connected ({} connection(s) for this app)",
                            m.path("num_connections").asText("?"));
                }
                case "disconnect" -> {
                    log.info("slack socket: Slack asks to reconnect ({}); opening a new socket first", m.path("reason").asText(""));
                    scheduler.execute(() -> replace(c));
                }
                case "events_api" -> handlers.events().accept(payload);
                case "slash_commands" -> handlers.commands().accept(payload);
                case "interactive" -> handlers.interactions().accept(payload);
                default -> log.debug("slack socket: {} message ignored", type);
            }
        } catch (HttpResponseException e) {
            log.info("slack socket: envelope {} ({}) not taken: {}", envelopeId, type, e.getMessage());
        } catch (RuntimeException e) {
            log.error("slack socket: envelope {} ({}) failed", envelopeId, type, e);
        }
    }

    /** Opens a socket to take over from {@code old}, then closes {@code old}. */
    private void replace(Connection old) {
        if (closed || old != current) return;
        if (connectOnce()) {
            old.close();
        } else {
            retry();
        }
    }

    private void dropped(Connection c) {
        if (closed || c.retired || c != current) return;
        retry();
    }

    private void retry() {
        synchronized (lock) {
            if (closed || reconnectPending) return;
            reconnectPending = true;
        }
        int n = failures.getAndIncrement();
        long base = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(n, 20));
        long pause = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        log.info("slack socket: reconnecting in {} ms", pause);
        scheduler.schedule(() -> {
            reconnectPending = false;
            connect();
        }, pause, TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (closed) return;
        if (!connectOnce()) retry();
    }

    /** apps.connections.open, then the WebSocket; true once it is open and current. */
    private boolean connectOnce() {
        URI url;
        try {
            url = socketUrl();
        } catch (IOException e) {
            log.warn("slack socket: apps.connections.open failed: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        Connection c = new Connection();
        try {
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(url, c)
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            c.socket = ws;
        } catch (Exception e) {
            log.warn("slack socket: cannot open the WebSocket: {}", e.toString());
            return false;
        }
        synchronized (lock) {
            if (closed) {
                c.close();
                return false;
            }
            current = c;
        }
        // closed while it was being opened (before it was current, so its close went unnoticed)
        return !c.dead;
    }

    private URI socketUrl() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(open).timeout(timeout)
                .header("Authorization", "Bearer " + appToken).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode());
        JsonNode body = json.readTree(r.body());
        if (!body.path("ok").asBoolean(false)) throw new IOException("ok:false " + body.path("error").asText("unknown error"));
        String url = body.path("url").asText("");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("the socket URL is not a URL");
        }
        if (!"wss".equals(uri.getScheme()) && !"ws".equals(uri.getScheme())) throw new IOException("the socket URL is not ws(s)");
        return uri;
    }

    @Override public void close() {
        synchronized (lock) {
            closed = true;
        }
        Connection c = current;
        if (c != null) c.close();
        scheduler.shutdownNow();
    }
}
