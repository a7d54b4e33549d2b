package triage.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP GET that must answer with an expected status (option {@code expect}, default 200;
 * comma-separated, {@code 2xx} allowed). A JSON body whose {@code status} is {@code red} counts as
 * down: that is Elasticsearch's {@code _cluster/health}. User and password in the URL become basic auth.
 */
final class HttpProbe implements Probe {
    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final String authorization;
    private final Set<String> expect = new LinkedHashSet<>();
    private final Duration connectTimeout;
    /** Made on the first check: the JDK's client sets up TLS when it is built, a hundred ms or more. */
    private HttpClient client;

    HttpProbe(Target target, Duration connectTimeout) {
        URI u = target.uri();
        try {
            this.uri = new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("http check: '" + target.shown() + "' is not a URL");
        }
        this.authorization = target.user() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (target.user() + ":" + (target.password() == null ? "" : target.password())).getBytes(StandardCharsets.UTF_8));
        for (String e : target.options().getOrDefault("expect", "200").split(",")) {
            String s = e.trim().toLowerCase(java.util.Locale.ROOT);
            if (!s.matches("[1-5]([0-9]{2}|xx)")) throw new IllegalArgumentException("http check: expect '" + e + "' is not a status like 200 or 2xx");
            expect.add(s);
        }
        this.connectTimeout = connectTimeout;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    /** Builds the client ahead of the first question. */
    @Override public void open(long deadline) { client(); }

    @Override public Finding check(long deadline) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(Probe.remainingMs(deadline)))
                .header("Accept", "application/json").GET();
        if (authorization != null) b.header("Authorization", authorization);
        CompletableFuture<HttpResponse<byte[]>> f = client().sendAsync(b.build(), HttpProbe::limited);
        HttpResponse<byte[]> res;
        try {
            res = f.get(Probe.remainingMs(deadline), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        }
        String code = Integer.toString(res.statusCode());
        boolean expected = expect.contains(code) || expect.contains(code.charAt(0) + "xx");
        String status = status(res.body());
        String detail = "HTTP " + code + (status == null ? "" : ", status " + status);
        if (!expected) return Finding.down(detail + " (expected " + String.join(" or ", expect) + ")");
        if ("red".equals(status)) return Finding.down(detail);
        return Finding.up(detail + ("yellow".equals(status) ? " (replicas unassigned)" : ""));
    }

    /** The body, up to {@value #MAX_BODY} bytes; the rest is read and dropped. */
    private static HttpResponse.BodySubscriber<byte[]> limited(HttpResponse.ResponseInfo info) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
            int room = MAX_BODY - buf.size();
            if (room > 0) buf.write(bytes, 0, Math.min(room, bytes.length));
        })), v -> buf.toByteArray());
    }

    /** A JSON body's top-level {@code status} (Elasticsearch: green, yellow, red), else null. */
    private static String status(byte[] body) {
        if (body.length == 0 || body[0] != '{') return null;
        try {
            JsonNode n = JSON.readTree(body).get("status");
            return n != null && n.isTextual() ? n.asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
