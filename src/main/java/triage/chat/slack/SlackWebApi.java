package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few calls Triage makes to Slack: {@code chat.postMessage}, {@code auth.test} and posts to a
 * {@code response_url}. Every call has connect and request deadlines. Posts run in the background,
 * {@code chat.postMessage} and {@code response_url} each on a bounded pool of its own, so a slow
 * Slack holds neither the chat workers nor the other kind of reply.
 *
 * <p>A post is tried again (resilience4j Retry, doubling pauses, a bounded number of times) only
 * when it cannot have been delivered: the connection was refused or could not be made, HTTP 429
 * (after its {@code Retry-After}), HTTP 5xx, or {@code {"ok": false}} with an error that says the
 * message was not taken. A post that timed out is never tried again: the first may have landed. A
 * reply that cannot be delivered is logged with its conversation id, never with the token or the message.
 */
final class SlackWebApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);
    private static final int THREADS = 4;
    private static final int QUEUE = 200;

    /**
     * @param base Web API base, e.g. {@code https://slack.com/api}
     * @param attempts tries per call, at least 1
     * @param backoff pause before the second try; doubles each time
     */
    record Settings(URI base, String token, Duration connectTimeout, Duration requestTimeout, int attempts,
                    Duration backoff) {
        Settings {
            Objects.requireNonNull(base);
            if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    private final Settings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private final SlackCall call;
    private final Retry retry;
    private final ThreadPoolExecutor posts = pool("slack-post");
    private final ThreadPoolExecutor responses = pool("slack-response");
    private final Set<CompletableFuture<Boolean>> pending = ConcurrentHashMap.newKeySet();

    SlackWebApi(Settings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.call = new SlackCall(http, json, settings.requestTimeout(), settings.token());
        long backoff = Math.max(1, settings.backoff().toMillis());
        this.retry = Retry.of("slack", RetryConfig.<SlackCall.Attempt>custom()
                .maxAttempts(settings.attempts())
                .retryOnResult(a -> a.outcome() == SlackCall.Outcome.RETRY)
                .retryOnException(e -> false)
                .intervalBiFunction((n, outcome) -> Math.max(backoff << Math.min(n - 1, 20),
                        outcome.isRight() ? outcome.get().retryAfterMs() : 0))
                .build());
    }

    private static ThreadPoolExecutor pool(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor e = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    boolean hasToken() { return settings.token() != null && !settings.token().isBlank(); }

    /** Posts a message (channel, thread_ts, text, blocks) in the background. @return whether Slack took it */
    CompletableFuture<Boolean> postMessage(String conversation, ObjectNode message) {
        if (!hasToken()) {
            log.warn("conversation {}: reply not delivered: SLACK_BOT_TOKEN is not set", conversation);
            return CompletableFuture.completedFuture(false);
        }
        return send(posts, conversation, "chat.postMessage", method("chat.postMessage"), message, true);
    }

    /** Posts to an interaction's or slash command's {@code response_url} in the background. @return whether Slack took it */
    CompletableFuture<Boolean> respond(String conversation, String responseUrl, ObjectNode message) {
        URI uri;
        try {
            uri = URI.create(responseUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            log.warn("conversation {}: reply not delivered: the response_url is not a URL", conversation);
            return CompletableFuture.completedFuture(false);
        }
        if (!allowedResponseUrl(uri)) {
            log.warn("conversation {}: reply not delivered: response_url host {} is not Slack's", conversation, uri.getHost());
            return CompletableFuture.completedFuture(false);
        }
        return send(responses, conversation, "response_url", uri, message, false);
    }

    private CompletableFuture<Boolean> send(ThreadPoolExecutor pool, String conversation, String what, URI uri,
                                            ObjectNode message, boolean authorized) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        pending.add(f);
        f.whenComplete((ok, e) -> pending.remove(f));
        try {
            pool.execute(() -> {
                try {
                    f.complete(deliver(conversation, what, uri, message, authorized));
                } catch (RuntimeException e) {
                    log.error("conversation {}: {} failed", conversation, what, e);
                    f.complete(false);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("conversation {}: reply not delivered: {} replies already waiting for Slack", conversation, QUEUE);
            f.complete(false);
        }
        return f;
    }

    /** Waits until every post under way has ended; false if that took longer than {@code max}. */
    boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!pending.isEmpty()) {
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // every post completes normally
            }
        }
        return true;
    }

    /** Lets the posts under way and queued go out (for a few seconds), then stops the threads. */
    @Override public void close() {
        for (ThreadPoolExecutor pool : List.of(posts, responses)) pool.shutdown();
        try {
            for (ThreadPoolExecutor pool : List.of(posts, responses)) {
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            posts.shutdownNow();
            responses.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Slack's own hooks, or the configured Web API's origin (a stand-in in tests, a proxy in some setups). */
    boolean allowedResponseUrl(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if ("https".equals(uri.getScheme()) && (host.equals("hooks.slack.com") || host.equals("hooks.slack-gov.com"))) {
            return true;
        }
        URI base = settings.base();
        return Objects.equals(uri.getScheme(), base.getScheme()) && host.equalsIgnoreCase(base.getHost())
                && uri.getPort() == base.getPort();
    }

    /** The bot's own user id, asked of {@code auth.test}; empty when Slack cannot say. */
    Optional<String> botUserId() {
        if (!hasToken()) return Optional.empty();
        try {
            HttpResponse<String> r = http.send(call.request(method("auth.test"), "{}", true), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(r.body());
            if (r.statusCode() == 200 && body.path("ok").asBoolean(false) && body.hasNonNull("user_id")) {
                return Optional.of(body.get("user_id").asText());
            }
            log.warn("auth.test did not give the bot's user id: HTTP {} {}", r.statusCode(), body.path("error").asText(""));
        } catch (IOException e) {
            log.warn("auth.test failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private URI method(String name) {
        String base = settings.base().toString();
        return URI.create(base.endsWith("/") ? base + name : base + "/" + name);
    }

    private boolean deliver(String conversation, String what, URI uri, ObjectNode message, boolean authorized) {
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (IOException e) {
            throw new IllegalStateException("a Slack message does not serialize", e);
        }
        int[] tries = {0};
        SlackCall.Attempt last = retry.executeSupplier(() -> {
            SlackCall.Attempt a = call.attempt(uri, body, authorized);
            if (++tries[0] > 1 || a.outcome() == SlackCall.Outcome.RETRY) {
                log.info("conversation {}: {} attempt {}: {}", conversation, what, tries[0],
                        a.outcome() == SlackCall.Outcome.DELIVERED ? "delivered" : a.problem());
            }
            return a;
        });
        if (last.outcome() == SlackCall.Outcome.DELIVERED) return true;
        log.warn("conversation {}: reply could not be delivered ({} failed after {} attempt(s): {})", conversation, what,
                tries[0], last.problem());
        return false;
    }
}
