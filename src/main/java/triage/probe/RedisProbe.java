package triage.probe;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Redis through lettuce: PING, INFO memory and clients, and - when option {@code queue_db} names
 * the web stack's request queue database - DBSIZE of that database sampled twice, {@code gap}
 * apart: a count that rose means the queue is growing (the web-stack seed's check).
 *
 * <p>The connection is kept between checks. It does not reconnect by itself: a check finding it
 * closed connects anew, so a Redis that was stopped reads as down at once rather than as commands
 * waiting for a reconnect, and one that came back reads as up on the next check.
 */
final class RedisProbe implements Probe {
    static final String QUEUE_SYMPTOM = "request-queue-growing";

    private final RedisURI uri;
    private final Integer queueDb;
    private final Duration gap;
    private final Duration timeout;
    /** Made on the first connection: lettuce, Reactor and Netty are a few hundred ms of class loading. */
    private ClientResources resources;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    RedisProbe(Target target, Duration timeout, Duration gap) {
        RedisURI u;
        try {
            u = RedisURI.create(target.uri());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("redis check: '" + target.shown() + "' is not a Redis URL");
        }
        String db = target.options().get("queue_db");
        if (db != null && !db.isBlank()) {
            try {
                queueDb = Integer.parseInt(db.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("redis check: queue_db '" + db + "' is not a database number");
            }
            if (queueDb < 0) throw new IllegalArgumentException("redis check: queue_db must be >= 0");
            u.setDatabase(queueDb);  // INFO and PING do not care; DBSIZE counts the selected database
        } else {
            queueDb = null;
        }
        u.setTimeout(timeout);
        this.uri = u;
        this.gap = gap;
        this.timeout = timeout;
    }

    private synchronized RedisClient client() {
        if (client == null) {
            resources = DefaultClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1).build();
            client = RedisClient.create(resources);
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(false)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                    .timeoutOptions(TimeoutOptions.enabled(timeout))
                    .build());
        }
        return client;
    }

    @Override public void open(long deadline) {
        try {
            connection(deadline);
        } catch (Exception e) {
            // the first check will try again and report what it finds
        }
    }

    private StatefulRedisConnection<String, String> connection(long deadline) throws Exception {
        if (connection != null && connection.isOpen()) return connection;
        drop();
        ConnectionFuture<StatefulRedisConnection<String, String>> f = client().connectAsync(StringCodec.UTF8, uri);
        try {
            connection = f.get(Probe.remainingMs(deadline), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.whenComplete((c, x) -> { if (c != null) c.closeAsync(); });  // too late: never used
            throw e;
        }
        return connection;
    }

    private void drop() {
        if (connection != null && connection.isOpen()) connection.closeAsync();
        connection = null;
    }

    @Override public Finding check(long deadline) throws Exception {
        try {
            try {
                return checkOn(connection(deadline), deadline);
            } catch (io.lettuce.core.RedisException e) {
                // the connection died before lettuce noticed (commands rejected): look again on a fresh one
                if (e.getMessage() == null || !e.getMessage().contains("not connected")) throw e;
                drop();
                return checkOn(connection(deadline), deadline);
            }
        } catch (Exception e) {
            // a command that timed out leaves the pipeline behind a hung server: start clean next time
            if (!(e instanceof io.lettuce.core.RedisCommandExecutionException)) drop();
            throw e;
        }
    }

    private Finding checkOn(StatefulRedisConnection<String, String> c, long deadline) throws Exception {
        RedisAsyncCommands<String, String> redis = c.async();
        RedisFuture<String> ping = redis.ping();
        RedisFuture<String> memory = redis.info("memory");
        RedisFuture<String> clients = redis.info("clients");
        RedisFuture<Long> first = queueDb == null ? null : redis.dbsize();
        String pong = await(ping, deadline);
        Map<String, String> info = info(await(memory, deadline));
        info.putAll(info(await(clients, deadline)));
        StringBuilder detail = new StringBuilder(pong);
        detail.append("; memory ").append(info.getOrDefault("used_memory_human", "?"));
        String max = info.get("maxmemory_human");
        if (max != null && !max.equals("0B")) detail.append(" of ").append(max);
        detail.append("; ").append(info.getOrDefault("connected_clients", "?")).append(" clients, ")
                .append(info.getOrDefault("blocked_clients", "?")).append(" blocked");
        if (!"PONG".equalsIgnoreCase(pong)) return Finding.down("PING answered '" + pong + "'");
        Finding up = Finding.up(detail.toString());
        if (first == null) return up;

        long before = await(first, deadline);
        long sampledAt = System.nanoTime();
        long gapNanos = gap.toNanos();
        if (sampledAt + gapNanos + TimeUnit.MILLISECONDS.toNanos(20) > deadline) {
            return Finding.up(detail + "; db " + queueDb + ": " + before + " keys (no time for a second sample "
                    + gap.toMillis() + " ms later within the budget)");
        }
        if (gapNanos > 0) TimeUnit.NANOSECONDS.sleep(gapNanos);
        long after = await(redis.dbsize(), deadline);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sampledAt);
        boolean growing = after > before;
        return Finding.up(detail + "; db " + queueDb + ": " + before + " -> " + after + " keys in " + took + " ms ("
                + (growing ? "growing" : "not growing") + ")").with(QUEUE_SYMPTOM, growing);
    }

    private static <T> T await(RedisFuture<T> f, long deadline) throws Exception {
        try {
            return f.get(Probe.remainingMs(deadline), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        }
    }

    private static Map<String, String> info(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) m.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return m;
    }

    @Override public synchronized void close() {
        drop();
        if (client == null) return;
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }
}
