package triage.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.ContentType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.conversation.ConversationStore;
import triage.conversation.Conversations;
import triage.ops.Metrics;
import triage.engine.LiveRulebook;
import triage.engine.RulesStuck;
import triage.engine.Triage;
import triage.web.Bodies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

/** Builds the Javalin app: every route, the token check, the rate limit and the one error shape. Not started here. */
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
            apiToken = apiToken == null || apiToken.isBlank() ? null : apiToken;
            chat = chat == null ? List.of() : List.copyOf(chat);
        }

        /** The defaults (50 a second, bursts of 100, no proxy, no chat) with {@code apiToken} (null: none). */
        public static Options of(String apiToken) { return new Options(apiToken, 50, 100, false, List.of()); }

        /** The same with these chat routes. */
        public Options withChat(List<EndpointGroup> routes) {
            return new Options(apiToken, ratePerSecond, burst, trustForwarded, routes);
        }
    }

    private final Metrics metrics;
    private final ObjectMapper mapper;
    private final Options options;
    private final Replies replies;
    private final ApiRoutes api;
    private final OpsRoutes ops;
    private final Guard guard;
    private final Startup startup;

    /** @param triage the one way in; its live checks are what {@code "probe": true} runs */
    public HttpServer(Triage triage, Conversations conversations, Metrics metrics, ObjectMapper mapper, Options options) {
        this(triage, conversations, metrics, mapper, options, CompletableFuture.completedFuture(null),
                LiveRulebook.FIRST_WAIT);
    }

    /**
     * A server that may listen before the service is ready: until {@code ready} completes, a
     * request that needs the rules waits for it, at most {@code wait}, then is answered 503 with
     * {@code Retry-After}; {@code /healthz} answers 503 "starting" (see {@link Startup}).
     */
    public HttpServer(Triage triage, Conversations conversations, Metrics metrics, ObjectMapper mapper, Options options,
                      CompletableFuture<?> ready, Duration wait) {
        this.startup = new Startup(ready, wait);
        this.metrics = metrics;
        this.mapper = mapper;
        this.options = options;
        this.replies = new Replies(mapper);
        this.guard = new Guard(options, metrics);
        this.api = new ApiRoutes(triage, conversations, mapper, replies, guard);
        this.ops = new OpsRoutes(triage, metrics, replies, options.apiToken() != null, startup);
    }

    public Javalin create() {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = Bodies.MAX_BODY;
            config.http.customCompression(gzip());
            // Javalin copies each body to Jetty through a buffer of this size, new per response; its
            // default, Jetty's whole output buffer (32 KiB), was half of what a request allocated. One
            // byte over what Jetty aggregates frames every body as before: one that fits goes out
            // with its length, a longer one in chunks from its first write.
            config.jetty.modifyHttpConfiguration(jetty ->
                    config.http.responseBufferSize = jetty.getOutputAggregationSize() + 1);
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.router.apiBuilder(() -> {
                ops.addEndpoints();
                post("/api/diagnose", api::diagnose);
                post("/api/conversations/{id}/messages", api::message);
                delete("/api/conversations/{id}", api::forget);
                get("/api/unrecognized", api::unrecognized);
                for (EndpointGroup chat : options.chat()) chat.addEndpoints();
            });
        });
        // one handler, in this order (an exception skips the rest, as between handlers): Javalin matches
        // each handler's path against every request, and four of them cost more than what they run
        app.before(ctx -> {
            guard.start(ctx);
            guard.authorize(ctx);
            guard.limit(ctx);
            startup.hold(ctx);
        });
        app.after(guard::finish);
        // our own 404s say what is missing; Javalin's (a subclass) would name its endpoint table
        app.exception(HttpResponseException.class, (e, ctx) -> replies.error(ctx, e.getStatus(),
                e.getStatus() == 404 && e.getClass() != HttpResponseException.class ? "no such path: " + ctx.path() : e.getMessage()));
        app.exception(Conversations.TooLong.class, (e, ctx) -> replies.error(ctx, 400, e.getMessage()));
        app.exception(ConversationStore.StoreUnavailable.class, (e, ctx) -> {
            log.warn("{} {}: conversation store unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
            replies.error(ctx, 503, "the conversation store is unavailable; try again shortly");
        });
        app.exception(LiveRulebook.NotReady.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(Startup.RETRY_AFTER));
            replies.error(ctx, 503, e.getMessage());
        });
        app.exception(RulesStuck.class, (e, ctx) -> {
            log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            replies.error(ctx, 503, "the runbooks did not answer in time: " + e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            String id = Guard.requestId();
            log.error("request {} {} {} failed", id, ctx.method(), ctx.path(), e);
            replies.error(ctx, 500, "internal error (request " + id + "); the log has the details");
        });
        app.error(404, ctx -> {
            if (!replies.wrote(ctx)) replies.error(ctx, 404, "no such path: " + ctx.path());
        });
        app.error(405, ctx -> replies.error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()));
        return app;
    }

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
}
