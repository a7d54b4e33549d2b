package triage.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.engine.Triage;
import triage.http.HttpServer;
import triage.ops.Metrics;

import java.time.Clock;
import java.time.Duration;

/** The HTTP server as tests build it: real parts, conversations in memory, nothing started. */
public final class Servers {
    private Servers() {}

    /** Conversations in memory (100 of them, an hour idle). */
    public static Conversations conversations(Triage triage) {
        return new Conversations(triage, new MemoryStore(100, Duration.ofHours(1), Clock.systemUTC()), Clock.systemUTC());
    }

    public static HttpServer http(Triage triage, HttpServer.Options options) {
        return http(triage, conversations(triage), new Metrics(), options);
    }

    public static HttpServer http(Triage triage, Conversations conversations, HttpServer.Options options) {
        return http(triage, conversations, new Metrics(), options);
    }

    /** With {@code metrics} to read; the live checks are the ones {@code triage} was built with. */
    public static HttpServer http(Triage triage, Conversations conversations, Metrics metrics, HttpServer.Options options) {
        return new HttpServer(triage, conversations, metrics, new ObjectMapper(), options);
    }
}
