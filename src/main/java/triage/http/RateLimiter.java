package triage.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per client: {@code rate} requests a second with bursts of {@code burst}. At most
 * {@code clients} buckets are kept (least recently seen dropped), so a flood of addresses cannot
 * grow memory.
 */
final class RateLimiter {
    private final double rate;
    private final double burst;
    private final int clients;
    private final Map<String, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    RateLimiter(double rate, double burst, int clients) {
        this.rate = rate;
        this.burst = burst;
        this.clients = clients;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, Bucket> e) {
                return size() > RateLimiter.this.clients;
            }
        };
    }

    /** Takes a token for {@code client} at time {@code nanos}; false when it has none left. */
    synchronized boolean allow(String client, long nanos) {
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, nanos));
        b.tokens = Math.min(burst, b.tokens + (nanos - b.last) / 1e9 * rate);
        b.last = nanos;
        if (b.tokens < 1) return false;
        b.tokens -= 1;
        return true;
    }

    /** Seconds until {@code client} has a token again, at least 1. */
    synchronized long retryAfter(String client) {
        Bucket b = buckets.get(client);
        return b == null ? 1 : Math.max(1, (long) Math.ceil((1 - b.tokens) / rate));
    }
}
