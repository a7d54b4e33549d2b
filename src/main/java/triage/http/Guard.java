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

    private final HttpServer.Options options;
    private final Metrics metrics;
    private final RateLimiter limiter;

    Guard(HttpServer.Options options, Metrics metrics) {
        this.options = options;
        this.metrics = metrics;
        this.limiter = new RateLimiter(options.ratePerSecond(), options.burst(), 10_000);
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

    void authorize(Context ctx) {
        if (options.apiToken() == null || !ctx.path().startsWith("/api/")) return;
        String header = ctx.header("Authorization");
        String expected = "Bearer " + options.apiToken();
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpResponseException(401, "missing or wrong bearer token (Authorization: Bearer <TRIAGE_API_TOKEN>)");
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
