package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Slack's side of Socket Mode on a free loopback port (Javalin): {@code apps.connections.open}
 * hands out the URL of a WebSocket endpoint that says {@code hello}, takes acks and can be told to
 * send envelopes, ask for a reconnect ({@code disconnect}) or drop a socket; beside it the Web API
 * ({@code chat.postMessage}, {@code auth.test}) and response_url hooks, recording what they are sent.
 */
public final class SlackSocketStandIn implements AutoCloseable {
    public static final String APP_TOKEN = "xapp-1-A0MDYCDME-1234567890-0123456789abcdef";
    static final String BOT_USER = "U0LAN0Z89";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One socket: when it opened and closed (System.nanoTime, 0 while open). */
    public static final class Socket {
        final int n;
        final WsContext ctx;
        final long openedAt = System.nanoTime();
        volatile long closedAt;

        Socket(int n, WsContext ctx) {
            this.n = n;
            this.ctx = ctx;
        }

        boolean open() { return closedAt == 0; }
    }

    /** A message a socket got from the bot (an ack), and when. */
    public record Ack(int socket, String envelopeId, long receivedAt) {}

    /** A Web API or response_url request, and when it came. */
    public record Call(String path, String authorization, JsonNode body, long receivedAt) {}

    private final Javalin app;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Map<String, Socket> bySession = new ConcurrentHashMap<>();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> opens = new CopyOnWriteArrayList<>();
    private final List<Long> openedAt = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> postStatuses = new ConcurrentLinkedQueue<>();
    private volatile boolean ackSilently;

    private SlackSocketStandIn() {
        app = Javalin.create(c -> c.showJavalinBanner = false);
        app.post("/api/apps.connections.open", ctx -> {
            openedAt.add(System.nanoTime());
            opens.add(String.valueOf(ctx.header("Authorization")));
            if (!("Bearer " + APP_TOKEN).equals(ctx.header("Authorization"))) {
                ctx.json(Map.of("ok", false, "error", "invalid_auth"));
                return;
            }
            ctx.json(Map.of("ok", true, "url", "ws://127.0.0.1:" + app.port() + "/link/?ticket=" + opens.size()));
        });
        app.post("/api/chat.postMessage", ctx -> {
            Integer status = postStatuses.poll();
            JsonNode body = JSON.readTree(ctx.body());
            calls.add(new Call(ctx.path(), ctx.header("Authorization"), body, System.nanoTime()));
            if (status != null && status == 429) {
                ctx.status(429).header("Retry-After", "1").json(Map.of("ok", false, "error", "ratelimited"));
                return;
            }
            ctx.json(Map.of("ok", true, "channel", body.path("channel").asText(), "ts", "1515449600.00" + (1000 + calls.size())));
        });
        app.post("/api/auth.test", ctx -> ctx.json(Map.of("ok", true, "user_id", BOT_USER, "bot_id", "B0LAN0Z89")));
        app.post("/actions/{hook}", ctx -> {
            calls.add(new Call(ctx.path(), ctx.header("Authorization"), JSON.readTree(ctx.body()), System.nanoTime()));
            ctx.result("ok");
        });
        app.ws("/link/", ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setIdleTimeout(Duration.ofMinutes(5));
                Socket s = new Socket(sockets.size() + 1, ctx);
                sockets.add(s);
                bySession.put(ctx.sessionId(), s);
                ctx.send("{\"type\":\"hello\",\"num_connections\":" + sockets.stream().filter(Socket::open).count()
                        + ",\"debug_info\":{\"host\":\"applink-1\",\"approximate_connection_time\":18060},"
                        + "\"connection_info\":{\"app_id\":\"A0MDYCDME\"}}");
            });
            ws.onMessage(ctx -> {
                Socket s = bySession.get(ctx.sessionId());
                JsonNode m = JSON.readTree(ctx.message());
                if (!ackSilently) acks.add(new Ack(s.n, m.path("envelope_id").asText(), System.nanoTime()));
            });
            ws.onClose(ctx -> {
                Socket s = bySession.get(ctx.sessionId());
                if (s != null) s.closedAt = System.nanoTime();
            });
        });
        app.start("127.0.0.1", 0);
    }

    public static SlackSocketStandIn start() { return new SlackSocketStandIn(); }

    /** SLACK_API_URL */
    public URI api() { return URI.create("http://127.0.0.1:" + app.port() + "/api"); }

    public String hook(String name) { return "http://127.0.0.1:" + app.port() + "/actions/" + name; }

    public int opens() { return opens.size(); }

    public List<String> openAuthorizations() { return List.copyOf(opens); }

    /** When (System.nanoTime) the {@code n}th apps.connections.open (1-based) came in. */
    public long openCalledAt(int n) { return openedAt.get(n - 1); }

    public List<Socket> sockets() { return List.copyOf(sockets); }

    public List<Ack> acks() { return List.copyOf(acks); }

    public List<Call> calls() { return List.copyOf(calls); }

    /** The next chat.postMessage calls answer with these statuses (429: with Retry-After 1). */
    public void failPosts(Integer... statuses) { postStatuses.addAll(List.of(statuses)); }

    /** Waits for the {@code n}th open socket (1-based). */
    public Socket awaitSocket(int n, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (sockets.size() < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("socket " + n + " never opened; " + sockets.size() + " so far");
            Thread.sleep(5);
        }
        return sockets.get(n - 1);
    }

    public List<Call> await(Predicate<Call> which, int n, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            List<Call> got = new ArrayList<>(calls.stream().filter(which).toList());
            if (got.size() >= n) return got;
            if (System.nanoTime() > deadline) throw new AssertionError("expected " + n + " calls, got " + got.size() + ": " + calls);
            Thread.sleep(5);
        }
    }

    public Ack awaitAck(String envelopeId, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            for (Ack a : acks) if (a.envelopeId().equals(envelopeId)) return a;
            if (System.nanoTime() > deadline) throw new AssertionError("envelope " + envelopeId + " never acknowledged; acks " + acks);
            Thread.sleep(2);
        }
    }

    /** Sends {@code envelope} over socket {@code s}. @return when it was sent (System.nanoTime) */
    public long send(Socket s, JsonNode envelope) {
        long at = System.nanoTime();
        s.ctx.send(envelope.toString());
        return at;
    }

    /** Slack asks the bot to reconnect on {@code s}, as it does before recycling a connection. */
    public void disconnect(Socket s) {
        s.ctx.send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"applink-1\"}}");
    }

    /** Drops {@code s} without a word. */
    public void drop(Socket s) { s.ctx.closeSession(1011, "server error"); }

    // ---- envelopes ----------------------------------------------------------------------------------

    public static ObjectNode eventsApi(String envelopeId, String eventId, ObjectNode event, int retryAttempt) {
        ObjectNode e = JSON.createObjectNode();
        e.put("envelope_id", envelopeId);
        e.put("type", "events_api");
        e.put("accepts_response_payload", false);
        e.put("retry_attempt", retryAttempt);
        e.put("retry_reason", retryAttempt == 0 ? "" : "timeout");
        ObjectNode p = e.putObject("payload");
        p.put("token", "XXYYZZ");
        p.put("team_id", "T061EG9R6");
        p.put("api_app_id", "A0MDYCDME");
        p.set("event", event);
        p.put("type", "event_callback");
        p.put("event_id", eventId);
        p.put("event_time", System.currentTimeMillis() / 1000);
        ObjectNode auth = p.putArray("authorizations").addObject();
        auth.put("team_id", "T061EG9R6");
        auth.put("user_id", BOT_USER);
        auth.put("is_bot", true);
        return e;
    }

    public static ObjectNode mention(String channel, String ts, String text) {
        ObjectNode ev = JSON.createObjectNode();
        ev.put("type", "app_mention");
        ev.put("user", "U061F7AUR");
        ev.put("text", "<@" + BOT_USER + "> " + text);
        ev.put("ts", ts);
        ev.put("channel", channel);
        ev.put("event_ts", ts);
        return ev;
    }

    public static ObjectNode slashCommand(String envelopeId, String channel, String text, String responseUrl) {
        ObjectNode e = JSON.createObjectNode();
        e.put("envelope_id", envelopeId);
        e.put("type", "slash_commands");
        e.put("accepts_response_payload", true);
        ObjectNode p = e.putObject("payload");
        p.put("token", "XXYYZZ");
        p.put("team_id", "T061EG9R6");
        p.put("team_domain", "example");
        p.put("channel_id", channel);
        p.put("channel_name", "incidents");
        p.put("user_id", "U061F7AUR");
        p.put("user_name", "jtorrance");
        p.put("command", "/triage");
        p.put("text", text);
        p.put("api_app_id", "A0MDYCDME");
        p.put("response_url", responseUrl);
        p.put("trigger_id", "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3");
        return e;
    }

    /** An {@code interactive} envelope: a click on the {@code actionId} button of message {@code posted} (as posted, ts {@code ts}). */
    public static ObjectNode click(String envelopeId, JsonNode posted, String ts, String actionId, String responseUrl) {
        JsonNode button = null;
        for (JsonNode b : posted.path("blocks")) {
            for (JsonNode el : b.path("elements")) if (el.path("action_id").asText().equals(actionId)) button = el;
        }
        if (button == null) throw new AssertionError("no " + actionId + " button in " + posted);
        ObjectNode e = JSON.createObjectNode();
        e.put("envelope_id", envelopeId);
        e.put("type", "interactive");
        e.put("accepts_response_payload", false);
        ObjectNode p = e.putObject("payload");
        p.put("type", "block_actions");
        ObjectNode user = p.putObject("user");
        user.put("id", "U061F7AUR");
        user.put("team_id", "T061EG9R6");
        p.put("api_app_id", "A0MDYCDME");
        ObjectNode container = p.putObject("container");
        container.put("type", "message");
        container.put("message_ts", ts);
        container.put("channel_id", posted.path("channel").asText());
        container.put("is_ephemeral", false);
        container.put("thread_ts", posted.path("thread_ts").asText());
        p.putObject("team").put("id", "T061EG9R6");
        p.putObject("channel").put("id", posted.path("channel").asText());
        ObjectNode message = p.putObject("message");
        message.put("bot_id", "B0LAN0Z89");
        message.put("type", "message");
        message.put("user", BOT_USER);
        message.put("ts", ts);
        message.put("thread_ts", posted.path("thread_ts").asText());
        message.set("blocks", posted.path("blocks"));
        p.put("response_url", responseUrl);
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId);
        action.put("block_id", SlackBlocks.QUESTION_BLOCK);
        action.put("value", button.path("value").asText());
        action.put("type", "button");
        return e;
    }

    @Override public void close() { app.stop(); }
}
