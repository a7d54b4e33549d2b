package triage.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness: {@code serve} listens before its first rule set has loaded. Until it has, a request
 * for an answer (the API, the chat platforms' paths) waits for it, at most {@code wait}, and is
 * then answered as usual, or 503 with {@code Retry-After} if it is still not there; the page, the
 * health check, metrics and the OpenAPI document answer at once ({@code /healthz}: 503 "starting").
 */
final class Startup {
    /** Seconds a client refused while starting is told to wait. */
    static final int RETRY_AFTER = 2;
    /** Paths that answer while starting: they need no rule set, or report that there is none yet. */
    private static final Set<String> AT_ONCE = Set.of("/", "/app.js", "/app.css", "/healthz", "/metrics", "/openapi.json");

    private final CompletableFuture<?> ready;
    private final Duration wait;

    Startup(CompletableFuture<?> ready, Duration wait) {
        this.ready = ready;
        this.wait = wait;
    }

    /** Whether start-up has finished well: everything answers. */
    boolean ready() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Before every request: holds one that needs the rule set until it is ready, within the bound. */
    void hold(Context ctx) {
        if (ready() || AT_ONCE.contains(ctx.path())) return;
        try {
            ready.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER));
            throw new HttpResponseException(503, "starting: the runbooks are still loading; retry in " + RETRY_AFTER + " s");
        } catch (ExecutionException e) {
            throw new HttpResponseException(503, "the runbooks did not load; this instance is stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpResponseException(503, "stopping");
        }
    }
}
