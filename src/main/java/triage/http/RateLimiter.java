package triage.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token buckets per client: {@code rate} requests a second with bursts of {@code burst}. At most
 * {@code clients} buckets are kept (least recently seen dropped), so a flood of addresses cannot
 * grow memory.
 *
 * <p>Without a lock: every request of a client would otherwise queue on one monitor, and behind
 * a proxy or a load generator all requests are one client. A bucket's state is an immutable
 * value swapped in by compare-and-set, so concurrent requests never lose each other's token.
 */
final class RateLimiter {
    private final double rate;
    private final double burst;
    private final int clients;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Object trimming = new Object();

    /** Tokens left as of {@code last} (System.nanoTime), which is also when the client was last seen. */
    private record State(double tokens, long last) {}

    /** Marks a bucket that was dropped: whoever finds it looks the client up again. */
    private static final State DROPPED = new State(0, Long.MIN_VALUE);

    private static final class Bucket extends AtomicReference<State> {
        Bucket(State s) { super(s); }
    }

    RateLimiter(double rate, double burst, int clients) {
        this.rate = rate;
        this.burst = burst;
        this.clients = clients;
    }

    /** Takes a token for {@code client} at time {@code nanos}; false when it has none left. */
    boolean allow(String client, long nanos) {
        while (true) {
            Bucket b = bucket(client, nanos);
            State s = b.get();
            if (s == DROPPED) {
                buckets.remove(client, b);
                continue;
            }
            double tokens = Math.min(burst, s.tokens() + (nanos - s.last()) / 1e9 * rate);
            boolean allowed = tokens >= 1;
            if (b.compareAndSet(s, new State(allowed ? tokens - 1 : tokens, nanos))) return allowed;
        }
    }

    /** Whether {@code client} has a token at {@code nanos}, without taking it (a client never seen has). */
    boolean has(String client, long nanos) {
        Bucket b = buckets.get(client);
        State s = b == null ? DROPPED : b.get();
        if (s == DROPPED) return true;
        return Math.min(burst, s.tokens() + (nanos - s.last()) / 1e9 * rate) >= 1;
    }

    /** Seconds until {@code client} has a token again, at least 1. */
    long retryAfter(String client) {
        Bucket b = buckets.get(client);
        State s = b == null ? DROPPED : b.get();
        return s == DROPPED ? 1 : Math.max(1, (long) Math.ceil((1 - s.tokens()) / rate));
    }

    /** Buckets kept now. */
    int size() { return buckets.size(); }

    private Bucket bucket(String client, long nanos) {
        Bucket b = buckets.get(client);
        if (b != null) return b;
        b = buckets.computeIfAbsent(client, k -> new Bucket(new State(burst, nanos)));
        if (buckets.size() > clients) trim();
        return b;
    }

    /**
     * Drops the least recently seen buckets, down to a sixteenth below the bound so that a flood of
     * new addresses sorts the buckets once every {@code clients / 16} of them rather than each time.
     */
    private void trim() {
        synchronized (trimming) {
            if (buckets.size() <= clients) return;
            record Seen(String client, Bucket bucket, State state) {}
            List<Seen> all = new ArrayList<>(buckets.size());
            buckets.forEach((client, b) -> all.add(new Seen(client, b, b.get())));
            all.sort(Comparator.comparingLong(x -> x.state().last()));
            int excess = all.size() - (clients - clients / 16);
            for (Seen x : all) {
                if (excess <= 0) break;
                // a bucket used since it was looked at was seen just now: it stays
                if ((x.state() == DROPPED || x.bucket().compareAndSet(x.state(), DROPPED))
                        && buckets.remove(x.client(), x.bucket())) {
                    excess--;
                }
            }
        }
    }
}
