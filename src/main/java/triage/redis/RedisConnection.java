package triage.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;

/**
 * A Redis connection for what Triage keeps there (conversations, delivery de-duplication): every
 * command has {@code timeout} as its deadline, commands fail at once while Redis is away (no
 * queueing), and the client reconnects by itself when it returns. Connected on first use.
 */
public final class RedisConnection implements AutoCloseable {
    private final RedisClient client;
    private final String shown;
    private StatefulRedisConnection<String, String> connection;

    public RedisConnection(String url, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.shown = "redis://" + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /** The commands, connecting first if need be; a connect that fails throws (a RuntimeException). */
    public synchronized RedisCommands<String, String> commands() {
        if (connection == null) connection = client.connect();
        return connection.sync();
    }

    /** Where it points, without credentials: {@code redis://host:port/db}. */
    public String shown() { return shown; }

    @Override public synchronized void close() {
        if (connection != null) connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
