package triage.rollout;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import triage.util.CallDeadline;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Where the runbooks are published: etcd endpoints, a key prefix, and a deadline for each call. */
public record Etcd(List<URI> endpoints, String prefix, Duration timeout) {
    public static final String DEFAULT_PREFIX = "/triage/runbooks/";

    public Etcd {
        if (endpoints.isEmpty()) throw new IllegalArgumentException("no etcd endpoints");
        if (prefix == null || prefix.isBlank()) prefix = DEFAULT_PREFIX;
        if (!prefix.endsWith("/")) prefix = prefix + "/";
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("etcd timeout must be positive");
        endpoints = List.copyOf(endpoints);
    }

    /** From a comma-separated list such as {@code http://10.0.0.1:2379,http://10.0.0.2:2379}. */
    public static Etcd parse(String endpoints, String prefix, Duration timeout) {
        List<URI> uris = Arrays.stream(endpoints.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            URI u;
            try {
                u = URI.create(s.contains("://") ? s : "http://" + s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not an etcd endpoint: '" + s + "'");
            }
            if (u.getHost() == null || u.getPort() < 0) {
                throw new IllegalArgumentException("not an etcd endpoint: '" + s + "' (expected e.g. http://127.0.0.1:2379)");
            }
            return u;
        }).toList();
        if (uris.isEmpty()) throw new IllegalArgumentException("TRIAGE_ETCD_ENDPOINTS names no endpoint");
        return new Etcd(uris, prefix, timeout);
    }

    /** The one key that holds the published set (see {@link RunbookSet}). */
    public ByteSequence setKey() { return bytes(prefix + "set"); }

    public String describe() {
        return String.join(",", endpoints.stream().map(URI::toString).toList()) + " " + prefix;
    }

    /**
     * A client whose every unary call carries a deadline: jetcd sets none, and waits for a ready
     * channel, so against a hung etcd a call would never end. Streams (the watch) are left
     * without one; they are meant to stay open.
     */
    public Client connect() {
        return Client.builder()
                .endpoints(endpoints.toArray(URI[]::new))
                .connectTimeout(timeout)
                .retryMaxDuration(timeout)
                .retryDelay(100)
                .retryMaxDelay(1000)
                .keepaliveTime(Duration.ofSeconds(10))
                .keepaliveTimeout(Duration.ofSeconds(3))
                .interceptor(CallDeadline.after(timeout))
                .build();
    }

    static ByteSequence bytes(String s) { return ByteSequence.from(s, StandardCharsets.UTF_8); }
}
