package triage.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.chat.Outbox;
import triage.util.Connections;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Replies through the Bot Connector: {@code POST {serviceUrl}/v3/conversations/{id}/activities/{replyTo}}
 * with a bearer token got by the client-credentials grant from the token endpoint (the tenant's for a
 * single-tenant bot), kept until shortly before it expires. Posts run on a bounded pool; every call has
 * connect and request deadlines. A call is tried again (resilience4j Retry, doubling pauses) only when
 * it cannot have been delivered: no connection, HTTP 429 (after its {@code Retry-After}), HTTP 5xx, or
 * HTTP 401 (the token is fetched afresh first). A call that timed out is not repeated: it may have landed.
 */
final class BotConnector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotConnector.class);
    static final String SCOPE = "https://api.botframework.com/.default";
    private static final int THREADS = 4;
    private static final int QUEUE = 200;
    /** A longer {@code Retry-After} is not waited for: the answer would come too late to help. */
    private static final long MAX_RETRY_AFTER_MS = 10_000;
    /** A token is fetched again this long before it expires (or at half its life, if that is shorter). */
    private static final Duration EARLY = Duration.ofMinutes(5);

    /**
     * @param tokenUrl the OAuth 2.0 token endpoint ({@code TEAMS_TOKEN_URL}, else the tenant's)
     * @param attempts tries per call, at least 1
     * @param backoff pause before the second try; doubles each time
     */
    record Settings(URI tokenUrl, String appId, String appPassword, Duration connectTimeout, Duration requestTimeout,
                    int attempts, Duration backoff) {
        Settings {
            Objects.requireNonNull(tokenUrl);
            if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    enum Outcome { DELIVERED, RETRY, GIVE_UP }

    record Attempt(Outcome outcome, String problem, long retryAfterMs) implements Outbox.Attempt {
        @Override public boolean delivered() { return outcome == Outcome.DELIVERED; }

        @Override public boolean again() { return outcome == Outcome.RETRY; }
    }

    private record Token(String value, Instant refreshAt) {}

    private final Settings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Retry retry;
    private final Outbox posts = new Outbox("teams-post", THREADS, QUEUE);
    private final Object tokenLock = new Object();
    private volatile Token token;

    BotConnector(Settings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.retry = Outbox.retry("teams", settings.attempts(), settings.backoff());
    }

    /** Where a reply to {@code activityId} in {@code conversationId} goes, each id one escaped path segment. */
    static URI replyUri(String serviceUrl, String conversationId, String activityId) {
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        return URI.create(base + "v3/conversations/" + segment(conversationId) + "/activities/" + segment(activityId));
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Posts {@code activity} as a reply, in the background. @return whether the connector took it */
    CompletableFuture<Boolean> reply(String conversation, URI uri, ObjectNode activity) {
        return posts.submit(conversation, "reply", () -> deliver(conversation, uri, activity), false);
    }

    private boolean deliver(String conversation, URI uri, ObjectNode activity) {
        String body;
        try {
            body = json.writeValueAsString(activity);
        } catch (IOException e) {
            throw new IllegalStateException("a Teams activity does not serialize", e);
        }
        return Outbox.deliver(retry, conversation, "reply", () -> attempt(uri, body)).delivered();
    }

    /** One try: a token (cached or fetched), then the post. */
    Attempt attempt(URI uri, String body) {
        String bearer;
        try {
            bearer = token();
        } catch (TokenFailure e) {
            return new Attempt(e.retry ? Outcome.RETRY : Outcome.GIVE_UP, "token: " + e.getMessage(), e.retryAfterMs);
        }
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8").header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (Connections.notConnected(e)) return new Attempt(Outcome.RETRY, "could not connect: " + e, 0);
            if (e instanceof HttpTimeoutException) {
                return new Attempt(Outcome.GIVE_UP, "no answer within " + settings.requestTimeout().toMillis()
                        + " ms; not tried again, the first may have landed", 0);
            }
            return new Attempt(Outcome.GIVE_UP, e.getClass().getSimpleName() + "; not tried again, it may have landed", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(Outcome.GIVE_UP, "interrupted", 0);
        }
        int status = r.statusCode();
        if (status >= 200 && status < 300) return new Attempt(Outcome.DELIVERED, null, 0);
        if (status == 401) {
            token = null;  // revoked or rotated: the next try fetches a new one
            return new Attempt(Outcome.RETRY, "HTTP 401 (token refused)", 0);
        }
        return limited(status, r);
    }

    private static Attempt limited(int status, HttpResponse<?> r) {
        if (status == 429) {
            long after = retryAfterMs(r);
            if (after > MAX_RETRY_AFTER_MS) return new Attempt(Outcome.GIVE_UP, "HTTP 429 rate limited for " + after / 1000 + " s", 0);
            return new Attempt(Outcome.RETRY, "HTTP 429 rate limited", after);
        }
        if (status >= 500) return new Attempt(Outcome.RETRY, "HTTP " + status, retryAfterMs(r) > 1000 ? Math.min(retryAfterMs(r), MAX_RETRY_AFTER_MS) : 0);
        return new Attempt(Outcome.GIVE_UP, "HTTP " + status, 0);
    }

    /** {@code Retry-After} in seconds (the form Microsoft sends), 1 s when absent or unreadable. */
    static long retryAfterMs(HttpResponse<?> r) {
        String v = r.headers().firstValue("Retry-After").orElse("").strip();
        try {
            return Math.max(0, Math.min(Long.parseLong(v), 3600)) * 1000;
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private static final class TokenFailure extends Exception {
        final boolean retry;
        final long retryAfterMs;

        TokenFailure(String message, boolean retry, long retryAfterMs) {
            super(message, null, false, false);
            this.retry = retry;
            this.retryAfterMs = retryAfterMs;
        }
    }

    /** The cached token, or a new one when there is none or it is about to expire. */
    String token() throws TokenFailure {
        Token t = token;
        if (t != null && clock.instant().isBefore(t.refreshAt())) return t.value();
        synchronized (tokenLock) {
            t = token;
            if (t != null && clock.instant().isBefore(t.refreshAt())) return t.value();
            t = fetchToken();
            token = t;
            return t.value();
        }
    }

    private Token fetchToken() throws TokenFailure {
        String form = "grant_type=client_credentials&client_id=" + enc(settings.appId()) + "&client_secret="
                + enc(settings.appPassword()) + "&scope=" + enc(SCOPE);
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(settings.tokenUrl()).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // a token request changes nothing on the other side: always safe to try again
            throw new TokenFailure(e.getClass().getSimpleName() + " from the token endpoint", true, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenFailure("interrupted", false, 0);
        }
        int status = r.statusCode();
        if (status != 200) {
            Attempt a = limited(status, r);
            // the error code only (never the body: it may echo the client id)
            throw new TokenFailure("HTTP " + status + " " + error(r.body()), a.outcome() == Outcome.RETRY, a.retryAfterMs());
        }
        JsonNode body;
        try {
            body = json.readTree(r.body());
        } catch (IOException e) {
            throw new TokenFailure("the token endpoint's answer is not JSON", false, 0);
        }
        String value = body.path("access_token").asText("");
        long life = body.path("expires_in").asLong(0);
        if (value.isBlank() || life <= 0) throw new TokenFailure("the token endpoint's answer has no access_token/expires_in", false, 0);
        Duration lifetime = Duration.ofSeconds(life);
        Duration early = lifetime.dividedBy(2).compareTo(EARLY) < 0 ? lifetime.dividedBy(2) : EARLY;
        log.info("teams: connector token fetched, valid {} s", life);
        return new Token(value, clock.instant().plus(lifetime).minus(early));
    }

    private String error(String body) {
        try {
            return json.readTree(body).path("error").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8); }

    /** Waits until every reply under way has ended; false if that took longer than {@code max}. */
    boolean awaitIdle(Duration max) throws InterruptedException { return posts.awaitIdle(max); }

    @Override public void close() { posts.close(); }
}
