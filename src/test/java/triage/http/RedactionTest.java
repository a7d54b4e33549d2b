package triage.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import triage.Fixtures;
import triage.conversation.ConversationState;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.engine.Triage;
import triage.model.Redactor;
import triage.testing.Servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials typed into a conversation are kept nowhere: not in its memory, the unrecognized list or the log. */
class RedactionTest {
    /** Each secret, and the part of it that must not come back. */
    private record Secret(String typed, String mustNotAppear) {}

    private static final List<Secret> SECRETS = List.of(
            new Secret("the config says password=hunter2 and it still fails", "hunter2"),
            new Secret("my aws key AKIAIOSFODNN7EXAMPLE was rotated", "AKIAIOSFODNN7EXAMPLE"),
            new Secret("github token ghp_16C7e42F292c6912E7710c838347Ae178B4a broke", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
            new Secret("fine grained github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz here", "github_pat_11ABCDEFG0123456789"),
            new Secret("slack bot xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx gone", "xoxb-1234567890"),
            new Secret("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U expired",
                    "eyJhbGciOiJIUzI1NiJ9"),
            new Secret("-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEA75e3 -----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA75e3"),
            new Secret("api_key: 9f8e7d6c5b4a and secret=topsecretvalue", "topsecretvalue"),
            new Secret("the random one is q8Zr4Lk2Pw9Xv7Nc3Bm6Hj1Tg5Yf0Ds rejected", "q8Zr4Lk2Pw9Xv7Nc3Bm6Hj1Tg5Yf0Ds"),
            new Secret("host 2001:db8:85a3::8a2e:370:7334 is unreachable", "2001:db8:85a3::8a2e:370:7334"));

    @Test
    void secrets_typed_into_a_conversation_never_come_back() {
        Triage triage = Fixtures.triage();
        MemoryStore store = new MemoryStore(100, Duration.ofHours(1), Clock.systemUTC());
        JavalinTest.test(Servers.http(triage, new Conversations(triage, store, Clock.systemUTC()), HttpServer.Options.of("tok"))
                .create(), (server, c) -> {
            for (Secret s : SECRETS) {
                String body = new ObjectMapper().writeValueAsString(Map.of("text", s.typed()));
                String answer = text(c.request("/api/conversations/leaky/messages", b -> b
                        .header("Authorization", "Bearer tok").post(RequestBody.create(body, MediaType.get("application/json")))), 200);
                assertFalse(lower(answer).contains(lower(s.mustNotAppear())), "echoed back: " + answer);
            }
            text(c.get("/api/unrecognized"), 401);  // the unrecognized list needs the token when one is set
            String listed = text(c.get("/api/unrecognized?limit=100", b -> b.header("Authorization", "Bearer tok")), 200);
            assertTrue(listed.contains("<secret>"), listed);
            ConversationState kept = store.load("leaky").orElseThrow();
            for (Secret s : SECRETS) {
                assertFalse(lower(listed).contains(lower(s.mustNotAppear())), s.mustNotAppear() + " in " + listed);
                String remembered = kept.observations().toString() + kept;
                kept.observations().forEach(o -> assertFalse(lower(o.getText()).contains(lower(s.mustNotAppear())), o.getText()));
                assertFalse(lower(remembered).contains(lower(s.mustNotAppear())), remembered);
            }
        });
    }

    /** The body of {@code r}, once its status is {@code status}. */
    private static String text(Response r, int status) throws IOException {
        try (r) {
            String body = r.body() == null ? "" : r.body().string();
            assertEquals(status, r.code(), body);
            return body;
        }
    }

    @Test
    void secrets_in_a_log_line_are_masked_by_the_configured_layout() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> stderr = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDERR");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        try {
            for (Secret s : SECRETS) LoggerFactory.getLogger(RedactionTest.class).info("someone said: {}", s.typed());
        } finally {
            root.detachAppender(captured);
        }
        assertEquals(SECRETS.size(), captured.list.size());
        for (int i = 0; i < SECRETS.size(); i++) {
            String line = new String(stderr.getEncoder().encode(captured.list.get(i)), StandardCharsets.UTF_8);
            assertFalse(line.contains(SECRETS.get(i).mustNotAppear()), line);
            assertTrue(line.contains("someone said"), line);
        }
    }

    @Test
    void ordinary_outage_talk_is_left_alone() {
        for (String t : List.of("nobody can log in to backoffice since 10:30:00",
                "the redis queue keeps growing on host-10-0-0-12.internal", "elasticsearch-cluster-health-is-red",
                "token refresh fails", "std::vector crashes", "password reset emails never arrive")) {
            assertEquals(t, Redactor.redact(t));
        }
    }

    @Test
    void fifty_thousand_angle_brackets_and_commas_redact_in_linear_time() {
        String flood = "<".repeat(50_000) + ",".repeat(50_000) + "a:".repeat(20_000) + "password=".repeat(5_000);
        long t0 = System.nanoTime();
        Redactor.redact(flood);
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos());
    }

    private static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
