package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The few calls Triage makes to Slack: {@code chat.postMessage}, {@code auth.test} and posts to a
 * {@code response_url}. Every call has connect and request deadlines. A failed post (network error,
 * timeout, HTTP 429 or 5xx, or {@code {"ok": false}} with an error that may pass) is tried again with
 * doubling pauses, a bounded number of times; a reply that still cannot be delivered is logged with
 * its conversation id, never with the token or the message.
 */
final class SlackWebApi {
    private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);
    /** Errors that the same request will meet again: no point retrying. */
    private static final Set<String> PERMANENT = Set.of("invalid_auth", "not_authed", "account_inactive",
            "token_revoked", "token_expired", "no_permission", "missing_scope", "channel_not_found", "not_in_channel",
            "is_archived", "msg_too_long", "no_text", "invalid_blocks", "invalid_arguments", "invalid_arg_name",
            "too_many_attachments", "restricted_action", "expired_url", "used_url", "invalid_token");
    private static final long MAX_RETRY_AFTER_MS = 10_000;

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

    SlackWebApi(Settings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    boolean hasToken() { return settings.token() != null && !settings.token().isBlank(); }

    /** Posts a message (channel, thread_ts, text, blocks). @return true when Slack took it */
    boolean postMessage(String conversation, ObjectNode message) {
        if (!hasToken()) {
            log.warn("conversation {}: reply not delivered: SLACK_BOT_TOKEN is not set", conversation);
            return false;
        }
        return deliver(conversation, "chat.postMessage", method("chat.postMessage"), message, true);
    }

    /** Posts to an interaction's or slash command's {@code response_url}. @return true when Slack took it */
    boolean respond(String conversation, String responseUrl, ObjectNode message) {
        URI uri;
        try {
            uri = URI.create(responseUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            log.warn("conversation {}: reply not delivered: the response_url is not a URL", conversation);
            return false;
        }
        if (!allowedResponseUrl(uri)) {
            log.warn("conversation {}: reply not delivered: response_url host {} is not Slack's", conversation, uri.getHost());
            return false;
        }
        return deliver(conversation, "response_url", uri, message, false);
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
            HttpResponse<String> r = http.send(request(method("auth.test"), "{}", true), HttpResponse.BodyHandlers.ofString());
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

    private HttpRequest request(URI uri, String body, boolean authorized) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorized) b.header("Authorization", "Bearer " + settings.token());
        return b.build();
    }

    private enum Outcome { DELIVERED, RETRY, GIVE_UP }

    private record Attempt(Outcome outcome, String problem, long retryAfterMs) {}

    private boolean deliver(String conversation, String what, URI uri, ObjectNode message, boolean authorized) {
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (IOException e) {
            throw new IllegalStateException("a Slack message does not serialize", e);
        }
        long pause = settings.backoff().toMillis();
        Attempt last = null;
        for (int i = 1; i <= settings.attempts(); i++) {
            last = attempt(uri, body, authorized);
            if (last.outcome() == Outcome.DELIVERED) {
                if (i > 1) log.info("conversation {}: {} delivered on attempt {}", conversation, what, i);
                return true;
            }
            if (last.outcome() == Outcome.GIVE_UP || i == settings.attempts()) break;
            log.info("conversation {}: {} attempt {} failed ({}); trying again", conversation, what, i, last.problem());
            try {
                Thread.sleep(Math.max(pause, Math.min(last.retryAfterMs(), MAX_RETRY_AFTER_MS)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause *= 2;
        }
        log.warn("conversation {}: reply could not be delivered ({} failed: {})", conversation, what, last.problem());
        return false;
    }

    private Attempt attempt(URI uri, String body, boolean authorized) {
        HttpResponse<String> r;
        try {
            r = http.send(request(uri, body, authorized), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Attempt(Outcome.RETRY, "no answer within " + settings.requestTimeout().toMillis() + " ms", 0);
        } catch (IOException e) {
            return new Attempt(Outcome.RETRY, e.getClass().getSimpleName() + ": " + e.getMessage(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(Outcome.GIVE_UP, "interrupted", 0);
        }
        int status = r.statusCode();
        if (status == 429) {
            long after = r.headers().firstValueAsLong("Retry-After").orElse(1) * 1000;
            return new Attempt(Outcome.RETRY, "HTTP 429 rate limited", after);
        }
        if (status >= 500) return new Attempt(Outcome.RETRY, "HTTP " + status, 0);
        if (status >= 300) return new Attempt(Outcome.GIVE_UP, "HTTP " + status + " " + clip(r.body()), 0);
        JsonNode answer = null;
        try {
            answer = json.readTree(r.body());
        } catch (IOException e) {
            // response_url answers a bare "ok"; anything else that is not JSON is taken as success too
        }
        if (answer != null && answer.isObject() && answer.has("ok") && !answer.get("ok").asBoolean(false)) {
            String error = answer.path("error").asText("unknown error");
            return new Attempt(PERMANENT.contains(error) ? Outcome.GIVE_UP : Outcome.RETRY, "ok:false " + error, 0);
        }
        return new Attempt(Outcome.DELIVERED, null, 0);
    }

    private static String clip(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }
}
