package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import triage.chat.Outbox;
import triage.util.Connections;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;

/**
 * One call to Slack and what its answer means: delivered, worth another try (nothing can have
 * been delivered), or given up on. {@link SlackWebApi} decides when and how often to call.
 */
final class SlackCall {
    /** {@code ok:false} errors that say the message was not taken (others, such as internal_error, may have landed). */
    private static final Set<String> NOT_TAKEN = Set.of("ratelimited", "service_unavailable", "request_timeout");
    /** A longer {@code Retry-After} is not waited for: the reply would come too late to help. */
    private static final long MAX_RETRY_AFTER_MS = 10_000;

    enum Outcome { DELIVERED, RETRY, GIVE_UP }

    /**
     * @param retryAfterMs how long Slack asked to wait before the next try (429), else 0
     * @param answer Slack's JSON answer when it was delivered (the posted message's {@code ts}), else null
     */
    record Attempt(Outcome outcome, String problem, long retryAfterMs, JsonNode answer) implements Outbox.Attempt {
        Attempt(Outcome outcome, String problem, long retryAfterMs) { this(outcome, problem, retryAfterMs, null); }

        @Override public boolean delivered() { return outcome == Outcome.DELIVERED; }

        @Override public boolean again() { return outcome == Outcome.RETRY; }
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final String token;

    SlackCall(HttpClient http, ObjectMapper json, Duration requestTimeout, String token) {
        this.http = http;
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.token = token;
    }

    HttpRequest request(URI uri, String body, boolean authorized) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorized) b.header("Authorization", "Bearer " + token);
        return b.build();
    }

    /** One try: what Slack answered, and whether trying again could help. */
    Attempt attempt(URI uri, String body, boolean authorized) {
        HttpResponse<String> r;
        try {
            r = http.send(request(uri, body, authorized), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (Connections.notConnected(e)) return new Attempt(Outcome.RETRY, "could not connect: " + e, 0);
            if (e instanceof HttpTimeoutException) {
                return new Attempt(Outcome.GIVE_UP, "no answer within " + requestTimeout.toMillis()
                        + " ms; not tried again, the first may have landed", 0);
            }
            return new Attempt(Outcome.GIVE_UP, e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "; not tried again, it may have landed", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(Outcome.GIVE_UP, "interrupted", 0);
        }
        int status = r.statusCode();
        if (status == 429) {
            long after = r.headers().firstValueAsLong("Retry-After").orElse(1) * 1000;
            if (after > MAX_RETRY_AFTER_MS) return new Attempt(Outcome.GIVE_UP, "HTTP 429 rate limited for " + after / 1000 + " s", 0);
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
            return new Attempt(NOT_TAKEN.contains(error) ? Outcome.RETRY : Outcome.GIVE_UP, "ok:false " + error, 0);
        }
        return new Attempt(Outcome.DELIVERED, null, 0, answer);
    }


    private static String clip(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }
}
