package triage.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import triage.Fixtures;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.engine.Triage;
import triage.http.HttpServer;
import triage.testing.Servers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The fixture the chat adapter tests share: the shipped runbooks, conversations in a memory store
 * the test can look into, the parts every adapter is built from (the background worker, an
 * in-memory de-duplicator, JSON, the system clock), and the real HTTP
 * server with one adapter's routes, listening on a free loopback port.
 */
public final class ChatServer implements AutoCloseable {
    private static Triage triage;

    /** Makes an adapter's routes from the parts the fixture built. */
    @FunctionalInterface
    public interface Adapter {
        EndpointGroup routes(ChatParts parts);
    }

    public final MemoryStore store;
    public final ChatService chat;
    public final Javalin app;
    public final String base;

    private ChatServer(int threads, Adapter adapter) {
        store = new MemoryStore(100, Duration.ofHours(1), Clock.systemUTC());
        Conversations conversations = new Conversations(triage(), store, Clock.systemUTC());
        chat = new ChatService(conversations, threads, 50);
        EndpointGroup routes = adapter.routes(new ChatParts(chat, new MemoryDeduplicator(1000, Duration.ofHours(1), Clock.systemUTC()),
                new ObjectMapper(), Clock.systemUTC()));
        app = Servers.http(triage(), conversations, HttpServer.Options.of(null).withChat(List.of(routes)))
                .create().start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    public static ChatServer start(int threads, Adapter adapter) {
        return new ChatServer(threads, adapter);
    }

    /** The shipped runbooks, loaded once, their first diagnosis (which pays for class loading) made. */
    public static synchronized Triage triage() {
        if (triage == null) {
            triage = Fixtures.triage();
            Servers.conversations(triage).handle("warm-up", "nobody can log in");
        }
        return triage;
    }

    @Override public void close() {
        app.stop();
        chat.close();
    }
}
