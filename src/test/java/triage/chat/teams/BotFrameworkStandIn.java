package triage.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Microsoft's side of the Bot Framework, on a free loopback port: the OpenID metadata document and
 * JWKS (test RSA keys), the token endpoint (client credentials), and the Bot Connector recording every
 * reply it is sent. Signs the Connector's tokens the way Microsoft does (RS256, kid, iss, aud,
 * serviceurl), or wrongly, as a test asks.
 */
public final class BotFrameworkStandIn implements AutoCloseable {
    public static final String APP_ID = "8e2c6a0b-1f4e-4b6a-9c3d-2a5f7e9b1c04";
    public static final String PASSWORD = "test~client~secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One reply as received: the decoded conversation and activity ids, the bearer token, the body, when it came in. */
    public record Reply(String conversationId, String replyTo, String authorization, JsonNode body, long receivedAt) {}

    /** How to answer one call: status, body, headers. */
    public record Script(int status, String body, Map<String, String> headers) {}

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    public final RSAKey key;
    public final RSAKey rotated;
    public final RSAKey unpublished;
    private volatile List<RSAKey> published;
    private final List<Reply> replies = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger keyFetches = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();
    private final ConcurrentLinkedQueue<Script> connectorScripts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Script> tokenScripts = new ConcurrentLinkedQueue<>();
    private volatile long tokenLifetime = 3600;

    /** Test keys, made once per JVM (a 2048-bit key takes a while on a loaded machine). */
    private static final class Keys {
        static final RSAKey KEY = generate("test-key-1");
        static final RSAKey ROTATED = generate("test-key-2");
        static final RSAKey UNPUBLISHED = generate("not-published");

        private static RSAKey generate(String kid) {
            try {
                return new RSAKeyGenerator(2048).keyID(kid).generate();
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private BotFrameworkStandIn() throws Exception {
        key = Keys.KEY;
        rotated = Keys.ROTATED;
        unpublished = Keys.UNPUBLISHED;
        published = List.of(key);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public static BotFrameworkStandIn start() throws Exception { return new BotFrameworkStandIn(); }

    public String base() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    /** TEAMS_OPENID_METADATA_URL */
    public String metadataUrl() { return base() + "/v1/.well-known/openidconfiguration"; }

    /** TEAMS_TOKEN_URL */
    public String tokenUrl() { return base() + "/tenant/oauth2/v2.0/token"; }

    /** The activity's serviceUrl: the Connector, with the trailing slash Teams sends. */
    public String serviceUrl() { return base() + "/amer/"; }

    /** The keys the JWKS lists from now on. */
    public void publish(RSAKey... keys) { published = List.of(keys); }

    public int keyFetches() { return keyFetches.get(); }

    public int tokensIssued() { return tokens.get(); }

    public List<String> tokenRequests() { return List.copyOf(tokenRequests); }

    public void tokenLifetime(long seconds) { tokenLifetime = seconds; }

    /** Answers the next Connector calls this way, in order. */
    public void scriptConnector(Script... next) { connectorScripts.addAll(List.of(next)); }

    public void scriptToken(Script... next) { tokenScripts.addAll(List.of(next)); }

    public List<Reply> replies() { return List.copyOf(replies); }

    /** Waits (at most {@code max}) until {@code n} replies match. */
    public List<Reply> await(Predicate<Reply> which, int n, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            List<Reply> got = new ArrayList<>(replies.stream().filter(which).toList());
            if (got.size() >= n) return got;
            if (System.nanoTime() > deadline) throw new AssertionError("expected " + n + " replies, got " + got.size() + ": " + replies);
            Thread.sleep(5);
        }
    }

    // ---- tokens as the Connector signs them ----------------------------------------------------

    /** A token as the Connector sends it for {@code serviceUrl}: valid for the next hour. */
    public String token(String serviceUrl) {
        Instant now = Instant.now();
        return sign(key, claims(APP_ID, BotFrameworkAuth.ISSUER, now.minusSeconds(60), now.plusSeconds(3600), serviceUrl));
    }

    public static JWTClaimsSet claims(String aud, String iss, Instant nbf, Instant exp, String serviceUrl) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(iss).audience(aud).notBeforeTime(Date.from(nbf))
                .expirationTime(Date.from(exp)).issueTime(Date.from(nbf));
        if (serviceUrl != null) b.claim("serviceurl", serviceUrl);
        return b.build();
    }

    public static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- activities as Teams sends them ----------------------------------------------------------

    /**
     * A message activity from a person to the bot.
     *
     * @param conversationType personal, groupChat or channel
     */
    public ObjectNode message(String id, String conversationId, String conversationType, String text) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", "message");
        a.put("id", id);
        a.put("timestamp", Instant.now().toString());
        a.put("channelId", "msteams");
        a.put("serviceUrl", serviceUrl());
        ObjectNode from = a.putObject("from");
        from.put("id", "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw");
        from.put("name", "Megan Bowen");
        from.put("aadObjectId", "a1b2c3d4-0000-4000-8000-000000000001");
        ObjectNode conversation = a.putObject("conversation");
        conversation.put("id", conversationId);
        conversation.put("conversationType", conversationType);
        conversation.put("tenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47");
        if (conversationType.equals("channel")) conversation.put("isGroup", true);
        ObjectNode recipient = a.putObject("recipient");
        recipient.put("id", "28:" + APP_ID);
        recipient.put("name", "Triage");
        a.put("textFormat", "plain");
        if (text != null) a.put("text", text);
        a.put("locale", "en-US");
        a.putObject("channelData").putObject("tenant").put("id", "72f988bf-86f1-41af-91ab-2d7cd011db47");
        return a;
    }

    /** The message activity an {@code Action.Submit} click sends: no text, the button's data as {@code value}. */
    public ObjectNode click(String id, String conversationId, String conversationType, JsonNode data) {
        ObjectNode a = message(id, conversationId, conversationType, null);
        a.set("value", data);
        return a;
    }

    // ---- serving ---------------------------------------------------------------------------------

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            long receivedAt = System.nanoTime();
            String path = x.getRequestURI().getRawPath();
            byte[] raw = x.getRequestBody().readAllBytes();
            if (path.equals("/v1/.well-known/openidconfiguration")) {
                send(x, 200, "{\"issuer\":\"https://api.botframework.com\",\"authorization_endpoint\":\"https://invalid.botframework.com\","
                        + "\"jwks_uri\":\"" + base() + "/v1/.well-known/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                        + "\"token_endpoint_auth_methods_supported\":[\"private_key_jwt\"]}", Map.of());
            } else if (path.equals("/v1/.well-known/keys")) {
                keyFetches.incrementAndGet();
                List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
                for (RSAKey k : published) keys.add(k.toPublicJWK());
                send(x, 200, new JWKSet(keys).toString(), Map.of());
            } else if (path.equals("/tenant/oauth2/v2.0/token")) {
                tokenRequests.add(new String(raw, StandardCharsets.UTF_8));
                Script s = tokenScripts.poll();
                if (s != null) {
                    send(x, s.status(), s.body(), s.headers());
                } else {
                    send(x, 200, "{\"token_type\":\"Bearer\",\"expires_in\":" + tokenLifetime + ",\"ext_expires_in\":" + tokenLifetime
                            + ",\"access_token\":\"connector-token-" + tokens.incrementAndGet() + "\"}", Map.of());
                }
            } else if (path.startsWith("/amer/v3/conversations/")) {
                Script s = connectorScripts.poll();
                if (s != null) {
                    send(x, s.status(), s.body(), s.headers());
                    return;
                }
                String[] parts = path.substring("/amer/v3/conversations/".length()).split("/");
                JsonNode body = JSON.readTree(raw);
                replies.add(new Reply(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 2 ? URLDecoder.decode(parts[2], StandardCharsets.UTF_8) : null,
                        x.getRequestHeaders().getFirst("Authorization"), body, receivedAt));
                send(x, 200, "{\"id\":\"1:reply-" + replies.size() + "\"}", Map.of());
            } else {
                send(x, 404, "{}", Map.of());
            }
        }
    }

    private static void send(HttpExchange x, int status, String body, Map<String, String> headers) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, out.length);
        try (OutputStream os = x.getResponseBody()) {
            os.write(out);
        }
    }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
