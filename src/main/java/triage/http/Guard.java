package triage.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import triage.ops.Metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** What runs around every request: its id and timing, the bearer token and the per-client rate limit on {@code /api/*}. */
final class Guard {
    private static final Logger log = LoggerFactory.getLogger(Guard.class);
    private static final String STARTED = "triage.started";
    /** What an X-Request-Id from the client must look like to be passed on (else one is made up). */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Failed token checks a client may make: a burst of this many (or a tenth of the request burst,
     * if more), then one a second (or a fiftieth of the request rate, if more; 1 at the default 50).
     */
    static final int FAILED_AUTH_BURST = 10;
    /** New conversations a client may start: this share of its request rate (and burst). */
    static final int NEW_CONVERSATION_SHARE = 5;

    private final HttpServer.Options options;
    private final Metrics metrics;
    private final RateLimiter limiter;
    private final RateLimiter failures;
    private final RateLimiter starts;

    Guard(HttpServer.Options options, Metrics metrics) {
        this.options = options;
        this.metrics = metrics;
        this.limiter = new RateLimiter(options.ratePerSecond(), options.burst(), 10_000);
        this.failures = new RateLimiter(Math.max(1, options.ratePerSecond() / 50),
                Math.max(FAILED_AUTH_BURST, options.burst() / 10), 10_000);
        this.starts = new RateLimiter(Math.max(1, options.ratePerSecond() / NEW_CONVERSATION_SHARE),
                Math.max(10, options.burst() / NEW_CONVERSATION_SHARE), 10_000);
    }

    void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        String id = ctx.header("X-Request-Id");
        if (id == null || !REQUEST_ID.matcher(id).matches()) id = requestId();
        ctx.header("X-Request-Id", id);
        MDC.put("request", id);
    }

    void finish(Context ctx) {
        Long t0 = ctx.attribute(STARTED);
        String route = ctx.endpointHandlerPath();
        metrics.request(route == null || route.isEmpty() ? "unmatched" : route, ctx.statusCode(),
                t0 == null ? 0 : System.nanoTime() - t0);
        if (log.isDebugEnabled()) log.debug("{} {} -> {}", ctx.method(), ctx.path(), ctx.statusCode());
        MDC.remove("request");
    }

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

    /**
     * The bearer token on {@code /api/*} (the scheme in any case, the token compared in constant
     * time). A client whose checks keep failing is answered 429 before its token is even compared:
     * at the default rate, {@value #FAILED_AUTH_BURST} failures, then one a second.
     */
    void authorize(Context ctx) {
        if (options.apiToken() == null || !ctx.path().startsWith("/api/")) return;
        String client = client(ctx);
        long now = System.nanoTime();
        if (!failures.has(client, now)) {
            ctx.header("Retry-After", String.valueOf(failures.retryAfter(client)));
            throw new HttpResponseException(429, "too many failed token checks from " + client + "; wait and retry");
        }
        if (!tokenMatches(ctx.header("Authorization"), options.apiToken())) {
            failures.allow(client, now);
            throw new HttpResponseException(401, "missing or wrong bearer token (Authorization: Bearer <TRIAGE_API_TOKEN>)");
        }
    }

    static boolean tokenMatches(String header, String token) {
        if (header == null) return false;
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space < 0 || !h.substring(0, space).equalsIgnoreCase("Bearer")) return false;
        return MessageDigest.isEqual(h.substring(space + 1).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Takes one of the client's new conversations (a share of its request rate): a flood of new ids
     * from one client would otherwise push everyone else's conversations out of memory.
     */
    void newConversation(Context ctx) {
        String client = client(ctx);
        if (!starts.allow(client, System.nanoTime())) {
            ctx.header("Retry-After", String.valueOf(starts.retryAfter(client)));
            throw new HttpResponseException(429, "too many new conversations from " + client + "; carry on an existing one or wait");
        }
    }

    /** Per-client token buckets on the API; health, metrics, the page and chat webhooks are not limited. */
    void limit(Context ctx) {
        if (!ctx.path().startsWith("/api/")) return;
        String client = client(ctx);
        if (!limiter.allow(client, System.nanoTime())) {
            ctx.header("Retry-After", String.valueOf(limiter.retryAfter(client)));
            throw new HttpResponseException(429, "too many requests from " + client + "; at most "
                    + (int) options.ratePerSecond() + " a second");
        }
    }

    private String client(Context ctx) {
        if (options.trustForwarded()) {
            String fwd = ctx.header("X-Forwarded-For");
            if (fwd != null && !fwd.isBlank()) return fwd.split(",")[0].strip();
        }
        return ctx.ip();
    }
}
