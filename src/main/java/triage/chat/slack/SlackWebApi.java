package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.chat.Outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
    /** About one message a second per channel, as Slack's chat.postMessage limit asks. */
    static final Duration DEFAULT_PACE = Duration.ofSeconds(1);
    /** A channel so busy that its turn is further off than this: the message is not held for it. */
    private static final long MAX_PACE_WAIT_NANOS = Duration.ofSeconds(30).toNanos();

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
    private final Outbox posts = new Outbox("slack-post", THREADS, QUEUE);
    private final Outbox responses = new Outbox("slack-response", THREADS, QUEUE);
    /** Per channel, when (System.nanoTime) its next message may go: Slack asks for about one a second. */
    private final Cache<String, Long> nextSlot = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(1)).build();
    private final long paceNanos;

    SlackWebApi(Settings settings, ObjectMapper json) {
        this(settings, json, DEFAULT_PACE);
    }

    /** @param pace the least time between two messages posted to one channel */
    SlackWebApi(Settings settings, ObjectMapper json, Duration pace) {
        this.paceNanos = Math.max(0, pace.toNanos());
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.call = new SlackCall(http, json, settings.requestTimeout(), settings.token());
        this.retry = Outbox.retry("slack", settings.attempts(), settings.backoff());
    }

    boolean hasToken() { return settings.token() != null && !settings.token().isBlank(); }

    /** Posts a message (channel, thread_ts, text, blocks) in the background. @return whether Slack took it */
    CompletableFuture<Boolean> postMessage(String conversation, ObjectNode message) {
        if (!hasToken()) {
            log.warn("conversation {}: reply not delivered: SLACK_BOT_TOKEN is not set", conversation);
            return CompletableFuture.completedFuture(false);
        }
        return send(posts, conversation, "chat.postMessage", method("chat.postMessage"), message, true,
                message.path("channel").asText(""));
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
        return send(responses, conversation, "response_url", uri, message, false, null);
    }

    private CompletableFuture<Boolean> send(Outbox outbox, String conversation, String what, URI uri,
                                            ObjectNode message, boolean authorized, String channel) {
        return outbox.submit(conversation, what,
                () -> paced(conversation, channel) && deliver(conversation, what, uri, message, authorized), false);
    }

    /**
     * Waits for {@code channel}'s turn: each message to a channel takes the next free slot, one
     * {@code pace} after the one before, so a busy incident channel never gets the bot rate-limited.
     *
     * @return false when the turn is too far off (the message is dropped, with a log line)
     */
    private boolean paced(String conversation, String channel) {
        if (channel == null || channel.isEmpty() || paceNanos == 0) return true;
        long now = System.nanoTime();
        long[] at = {now};
        nextSlot.asMap().compute(channel, (k, next) -> {
            at[0] = next == null || next - now < 0 ? now : next;
            return at[0] - now > MAX_PACE_WAIT_NANOS ? next : at[0] + paceNanos;
        });
        long wait = at[0] - now;
        if (wait > MAX_PACE_WAIT_NANOS) {
            log.warn("conversation {}: reply not delivered: channel {} has {} s of messages queued", conversation, channel,
                    wait / 1_000_000_000L);
            return false;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Waits until every post under way has ended; false if that took longer than {@code max}. */
    boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        return posts.awaitIdle(max) && responses.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Lets the posts under way and queued go out (for a few seconds), then stops the threads. */
    @Override public void close() {
        posts.shutdown();
        responses.shutdown();
        posts.awaitShutdown(Duration.ofSeconds(5));
        responses.awaitShutdown(Duration.ofSeconds(5));
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
    Optional<String> botUserId() { return authTest("user_id"); }

    /** The workspace's id, asked of {@code auth.test}; empty when Slack cannot say. */
    Optional<String> teamId() { return authTest("team_id"); }

    /** {@code field} of {@code auth.test}'s answer; empty when Slack cannot say. */
    private Optional<String> authTest(String field) {
        if (!hasToken()) return Optional.empty();
        try {
            HttpResponse<String> r = http.send(call.request(method("auth.test"), "{}", true), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(r.body());
            if (r.statusCode() == 200 && body.path("ok").asBoolean(false) && body.hasNonNull(field)) {
                return Optional.of(body.get(field).asText());
            }
            log.warn("auth.test did not give {}: HTTP {} {}", field, r.statusCode(), body.path("error").asText(""));
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

    /**
     * Calls Web API method {@code name} ({@code chat.postMessage}, {@code chat.update}) with
     * {@code message} in the background, tried again as posts are. @return Slack's answer when it took the call
     */
    CompletableFuture<Optional<JsonNode>> call(String conversation, String name, ObjectNode message) {
        if (!hasToken()) {
            log.warn("conversation {}: {} not made: SLACK_BOT_TOKEN is not set", conversation, name);
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return posts.submit(conversation, name, () -> {
            SlackCall.Attempt a = attempts(conversation, name, method(name), message, true);
            return a.delivered() ? Optional.ofNullable(a.answer()) : Optional.<JsonNode>empty();
        }, Optional.empty());
    }

    private boolean deliver(String conversation, String what, URI uri, ObjectNode message, boolean authorized) {
        return attempts(conversation, what, uri, message, authorized).delivered();
    }

    private SlackCall.Attempt attempts(String conversation, String what, URI uri, ObjectNode message, boolean authorized) {
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (IOException e) {
            throw new IllegalStateException("a Slack message does not serialize", e);
        }
        return Outbox.deliver(retry, conversation, what, () -> call.attempt(uri, body, authorized));
    }
}
