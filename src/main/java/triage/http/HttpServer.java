package triage.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import triage.conversation.ConversationStore;
import triage.conversation.Conversations;
import triage.conversation.Turn;
import triage.engine.LiveRulebook;
import triage.engine.RuleInfo;
import triage.engine.Rulebook;
import triage.engine.Answer;
import triage.engine.Said;
import triage.engine.Triage;
import triage.knowledge.Runbook;
import triage.model.Diagnosis;
import triage.ops.Metrics;
import triage.render.ChatText;
import triage.render.JsonView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

/** Builds the Javalin app: every route, the token check and the one error shape. Not started here. */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    /**
     * @param apiToken when non-null, {@code /api/*} needs {@code Authorization: Bearer <token>}
     * @param ratePerSecond requests a second each client may make to {@code /api/*} (bursts of {@code burst})
     * @param trustForwarded take the client's address from X-Forwarded-For (only behind a proxy you run)
     * @param chat the routes of the chat adapters that are switched on (each checks its own platform's signature)
     */
    public record Options(String apiToken, double ratePerSecond, int burst, boolean trustForwarded,
                          List<EndpointGroup> chat) {
        public Options {
            chat = chat == null ? List.of() : List.copyOf(chat);
        }

        public Options(String apiToken) { this(apiToken, 50, 100, false, List.of()); }

        public Options(String apiToken, List<EndpointGroup> chat) { this(apiToken, 50, 100, false, chat); }

        public Options(String apiToken, double ratePerSecond, int burst, boolean trustForwarded) {
            this(apiToken, ratePerSecond, burst, trustForwarded, List.of());
        }
    }

    private final Triage triage;
    private final Conversations conversations;
    private final Metrics metrics;
    private final ObjectMapper mapper;
    private final Options options;
    private final RateLimiter limiter;
    private final WebPage page = new WebPage();
    private final JsonView view = new JsonView();
    private final byte[] openapi = OpenApi.document();

    public HttpServer(Triage triage, Conversations conversations, Metrics metrics, ObjectMapper mapper, Options options) {
        this.triage = triage;
        this.conversations = conversations;
        this.metrics = metrics;
        this.mapper = mapper;
        this.options = options;
        this.limiter = new RateLimiter(options.ratePerSecond(), options.burst(), 10_000);
    }

    /** Without metrics of its own (tests, tools). */
    public HttpServer(Triage triage, Conversations conversations, ObjectMapper mapper, Options options) {
        this(triage, conversations, new Metrics(), mapper, options);
    }

    public Javalin create() {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = Requests.MAX_BODY;
            config.http.customCompression(gzip());
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.router.apiBuilder(() -> {
                get("/", ctx -> page.serve(ctx, "index.html"));
                get("/app.js", ctx -> page.serve(ctx, "app.js"));
                get("/app.css", ctx -> page.serve(ctx, "app.css"));
                get("/healthz", this::health);
                get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
                get("/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
                post("/api/diagnose", this::diagnose);
                post("/api/conversations/{id}/messages", this::message);
                delete("/api/conversations/{id}", this::forget);
                get("/api/unrecognized", this::unrecognized);
                post("/api/admin/reload", this::reload);
                get("/api/runbooks", this::runbooks);
                get("/api/runbooks/{id}", this::runbook);
                for (EndpointGroup chat : options.chat()) chat.addEndpoints();
            });
        });
        app.before(ctx -> {
            ctx.attribute(STARTED, System.nanoTime());
            String id = ctx.header("X-Request-Id");
            if (id == null || !REQUEST_ID.matcher(id).matches()) id = requestId();
            ctx.header("X-Request-Id", id);
            MDC.put("request", id);
        });
        app.before(this::authorize);
        app.before(this::limit);
        app.after(ctx -> {
            Long t0 = ctx.attribute(STARTED);
            String route = ctx.endpointHandlerPath();
            metrics.request(route == null || route.isEmpty() ? "unmatched" : route, ctx.statusCode(),
                    t0 == null ? 0 : System.nanoTime() - t0);
            if (log.isDebugEnabled()) log.debug("{} {} -> {}", ctx.method(), ctx.path(), ctx.statusCode());
            MDC.remove("request");
        });
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
        app.exception(Conversations.TooLong.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(ConversationStore.StoreUnavailable.class, (e, ctx) -> {
            log.warn("{} {}: conversation store unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
            error(ctx, 503, "the conversation store is unavailable; try again shortly");
        });
        app.exception(HttpResponseException.class, (e, ctx) ->
                error(ctx, e.getStatus(), e.getStatus() == 404 ? "no such path: " + ctx.path() : e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            String id = requestId();
            log.error("request {} {} {} failed", id, ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error (request " + id + "); the log has the details");
        });
        app.error(404, ctx -> {
            if (ctx.attribute(OWN_ERROR) == null) error(ctx, 404, "no such path: " + ctx.path());
        });
        app.error(405, ctx -> error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()));
        return app;
    }

    private static final String STARTED = "triage.started";

    /**
     * Gzip for clients that ask for it, as Javalin does by default, with the types this server
     * writes named as compressible: a type not named is first searched for in Javalin's list of
     * excluded media types, which cost every API response several per cent of its CPU.
     */
    static CompressionStrategy gzip() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        List<String> types = new ArrayList<>(List.of(ContentType.JSON));
        for (String t : List.of("application/json", "text/plain; version=0.0.4", "text/html", "text/javascript", "text/css")) {
            types.add(t + "; charset=utf-8");
            types.add(t.replace("; ", ";") + ";charset=utf-8");  // as Jetty may give it back
        }
        gzip.setAllowedMimeTypes(List.copyOf(types));
        return gzip;
    }

    /** What an X-Request-Id from the client must look like to be passed on (else one is made up). */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Eight random hex digits: an id to find a request's log lines by, not a secret, so it comes
     * from ThreadLocalRandom rather than the SecureRandom behind UUID.randomUUID.
     */
    static String requestId() {
        int r = ThreadLocalRandom.current().nextInt();
        char[] c = new char[8];
        for (int i = 7; i >= 0; i--, r >>>= 4) c[i] = HEX[r & 0xf];
        return new String(c);
    }

    /** Per-client token buckets on the API; health, metrics, the page and chat webhooks are not limited. */
    private void limit(Context ctx) {
        if (!ctx.path().startsWith("/api/")) return;
        String client = client(ctx);
        if (!limiter.allow(client, System.nanoTime())) {
            ctx.header("Retry-After", String.valueOf(limiter.retryAfter(client)));
            throw new ApiError(429, "too many requests from " + client + "; at most " + (int) options.ratePerSecond()
                    + " a second");
        }
    }

    private String client(Context ctx) {
        if (options.trustForwarded()) {
            String fwd = ctx.header("X-Forwarded-For");
            if (fwd != null && !fwd.isBlank()) return fwd.split(",")[0].strip();
        }
        return ctx.ip();
    }

    /** Marks a response whose error body we wrote, so the 404 fallback leaves it alone. */
    private static final String OWN_ERROR = "triage.error";

    private void error(Context ctx, int status, String message) {
        ctx.attribute(OWN_ERROR, Boolean.TRUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        ctx.status(status);
        json(ctx, body);
    }

    /** Writes a JSON body. */
    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * Sends a JSON body written straight to UTF-8 bytes, with the Content-Type {@code ctx.json}
     * sets; {@code ctx.json} goes through a String that Javalin then encodes again.
     */
    private void json(Context ctx, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(out.toByteArray());
    }

    private void json(Context ctx, Object value) {
        json(ctx, g -> mapper.writeValue(g, value));
    }

    private void authorize(Context ctx) {
        if (options.apiToken() == null || !ctx.path().startsWith("/api/")) return;
        String header = ctx.header("Authorization");
        String expected = "Bearer " + options.apiToken();
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "missing or wrong bearer token (Authorization: Bearer <TRIAGE_API_TOKEN>)");
        }
    }

    private void diagnose(Context ctx) {
        JsonNode body = Requests.json(ctx, mapper);
        List<String> texts = Requests.texts(body, "observations");
        boolean explain = Requests.flag(body, "explain");
        boolean probe = Requests.flag(body, "probe");
        Answer answer = triage.answer(Said.texts(texts).checking(probe));
        json(ctx, g -> view.write(g, answer.diagnosis(), answer.knowledge(), explain, answer.probes()));
    }

    private void message(Context ctx) {
        String id = conversationId(ctx);
        JsonNode body = Requests.json(ctx, mapper);
        JsonNode text = body.get("text");
        if (text == null || text.isNull()) throw new ApiError(400, "'text' is missing: send {\"text\": \"what you see\"}");
        if (!text.isTextual()) throw new ApiError(400, "'text' must be a string");
        Turn turn = conversations.handle(id, Requests.text(text.asText(), "text"));
        String reply = ChatText.render(turn, ChatText.Style.MARKDOWN);
        json(ctx, g -> turnView(g, view, turn, reply));
    }

    /** The conversation response body: the reply plus the structured diagnosis behind it. */
    static void turnView(JsonGenerator g, JsonView view, Turn turn, String reply) throws IOException {
        g.writeStartObject();
        g.writeStringField("reply", reply);
        g.writeFieldName("causes");
        view.causes(g, turn.diagnosis().causes());
        g.writeFieldName("ruledOut");
        view.causes(g, turn.diagnosis().ruledOut());
        g.writeFieldName("nextCheck");
        if (turn.question() == null) g.writeNull();
        else JsonView.check(g, turn.question());
        g.writeBooleanField("concluded", turn.concluded());
        if (turn.concluded() && turn.diagnosis().remedy() != null) {
            g.writeFieldName("remedy");
            JsonView.remedy(g, turn.diagnosis().remedy());
        }
        if (!turn.notes().isEmpty()) {
            g.writeArrayFieldStart("notes");
            for (String n : turn.notes()) g.writeString(n);
            g.writeEndArray();
        }
        g.writeFieldName("understood");
        JsonView.understood(g, turn.heard(), turn.knowledge());
        g.writeBooleanField("memoryLost", turn.memoryLost());
        g.writeEndObject();
    }

    private void forget(Context ctx) {
        conversations.forget(conversationId(ctx));
        ctx.status(204);
    }

    private static String conversationId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!Conversations.validId(id)) {
            throw new ApiError(400, "conversation id must be 1-128 letters, digits or . _ : @ -");
        }
        return id;
    }

    private void unrecognized(Context ctx) {
        int limit = 50;
        String q = ctx.queryParam("limit");
        if (q != null) {
            try {
                limit = Integer.parseInt(q);
            } catch (NumberFormatException e) {
                throw new ApiError(400, "'limit' must be a whole number");
            }
            if (limit < 1 || limit > 1000) throw new ApiError(400, "'limit' must be between 1 and 1000");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : triage.unrecognized().top(limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", e.text());
            m.put("count", e.count());
            m.put("firstSeen", e.firstSeen().toString());
            m.put("lastSeen", e.lastSeen().toString());
            out.add(m);
        }
        json(ctx, Map.of("unrecognized", out));
    }

    /** Admin paths exist only with a token: without one anybody could trigger them. */
    private void reload(Context ctx) {
        if (options.apiToken() == null) throw new ApiError(404, "admin paths are off; set TRIAGE_API_TOKEN to enable them");
        boolean swapped = triage.rules().reload();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reloaded", swapped);
        body.putAll(rulesStatus());
        ctx.status(swapped ? 200 : 422);
        json(ctx, body);
    }

    private Map<String, Object> rulesStatus() {
        LiveRulebook.Status s = triage.rules().status();
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("revision", s.revision());
        rules.put("source", s.source());
        rules.put("published", s.offered());
        rules.put("loadedAt", s.loadedAt().toString());
        rules.put("error", s.error() == null ? null : String.join("\n", s.error()));
        return rules;
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("rules", rulesStatus());
        json(ctx, body);
    }

    private void runbooks(Context ctx) {
        Rulebook rb = triage.rules().current();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : runbookIds(rb)) out.add(runbookView(rb, id, false));
        Map<String, Object> body = new LinkedHashMap<>(rulesStatus());
        body.put("runbooks", out);
        json(ctx, body);
    }

    private void runbook(Context ctx) {
        Rulebook rb = triage.rules().current();
        String id = ctx.pathParam("id");
        if (!runbookIds(rb).contains(id)) throw new ApiError(404, "no runbook '" + id + "'; see GET /api/runbooks");
        json(ctx, runbookView(rb, id, true));
    }

    private static final java.util.regex.Pattern WHEN =
            java.util.regex.Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b");

    /** The rule's conditions, one per line, comments dropped. */
    static List<String> conditions(String ruleText) {
        java.util.regex.Matcher m = WHEN.matcher(ruleText);
        if (!m.find()) return List.of();
        return m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//")).toList();
    }

    private static List<String> runbookIds(Rulebook rb) {
        List<String> ids = new ArrayList<>(rb.knowledge().runbooks().keySet());
        for (RuleInfo r : rb.rules().values()) if (!ids.contains(r.ref().runbook())) ids.add(r.ref().runbook());
        return ids;
    }

    private static Map<String, Object> runbookView(Rulebook rb, String id, boolean withText) {
        Runbook r = rb.knowledge().runbooks().get(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", r == null ? id : r.title());
        m.put("source", r == null ? null : r.source());
        m.put("tree", r == null ? List.of() : r.tree());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleInfo info : rb.rules().values()) {
            if (!id.equals(info.ref().runbook())) continue;
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", info.name());
            x.put("file", info.ref().file());
            x.put("line", info.ref().line());
            x.put("source", info.ref().source());
            x.put("reads", info.reads());
            x.put("infers", info.infers());
            x.put("concludes", info.concludes());
            if (withText) {
                x.put("when", conditions(info.text()));
                x.put("text", info.text());
            }
            rules.add(x);
        }
        m.put("rules", rules);
        return m;
    }
}
