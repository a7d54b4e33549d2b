package triage.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the bearer token the Bot Connector sends with every activity, as Microsoft's
 * "Authenticate requests from the Bot Connector service" asks: a JWT signed RS256 (nothing else,
 * {@code alg: none} least of all) by a key published at the {@code jwks_uri} of the OpenID
 * metadata document, issued by {@code https://api.botframework.com}, for this bot's app id, within
 * its {@code exp}/{@code nbf} give or take five minutes, and carrying the service URL the activity
 * will name. The keys are kept and fetched again when a token names one not among them (Microsoft
 * rolls its keys), at most once per {@code minRefresh}, and in any case once they are a day old.
 */
final class BotFrameworkAuth {
    private static final Logger log = LoggerFactory.getLogger(BotFrameworkAuth.class);
    static final String ISSUER = "https://api.botframework.com";
    static final String DEFAULT_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    static final int SKEW_SECONDS = 300;
    private static final Duration MAX_KEY_AGE = Duration.ofHours(24);
    private static final int MAX_DOCUMENT = 512 * 1024;

    /** Why a request was refused, and with which status (401: who sent it is unproven; 403: proven, but not for this). */
    static final class Rejected extends Exception {
        private final int status;

        Rejected(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        int status() { return status; }
    }

    /** What a valid token says: the service URL it was issued for. */
    record Verified(String serviceUrl) {}

    private final URI metadata;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration minRefresh;
    private final ObjectMapper json;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Object refreshing = new Object();
    private volatile JWKSet keys;
    private volatile Instant fetchedAt = Instant.EPOCH;

    BotFrameworkAuth(URI metadata, String appId, HttpClient http, Duration timeout, Duration minRefresh, ObjectMapper json,
                     Clock clock) {
        this.metadata = Objects.requireNonNull(metadata);
        this.http = Objects.requireNonNull(http);
        this.timeout = Objects.requireNonNull(timeout);
        this.minRefresh = Objects.requireNonNull(minRefresh);
        this.json = Objects.requireNonNull(json);
        this.clock = Objects.requireNonNull(clock);
        if (appId == null || appId.isBlank()) throw new IllegalArgumentException("TEAMS_APP_ID must be set");
        // only RS256 keys are looked up, so a token of any other alg (none, HS256 with the public key...) finds none
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new Keys()));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(appId,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("exp"));
        claims.setMaxClockSkew(SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * Checks an {@code Authorization} header.
     *
     * @throws Rejected (401) when the token is missing, malformed, forged, expired, not yet valid,
     *                  or for another audience or from another issuer; (503) when the keys cannot be fetched
     */
    Verified verify(String authorization) throws Rejected {
        if (authorization == null || authorization.isBlank()) throw new Rejected(401, "no Authorization header");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) throw new Rejected(401, "the Authorization header is not a bearer token");
        String token = authorization.substring(7).strip();
        if (token.length() > 16_384) throw new Rejected(401, "the bearer token is too long");
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException e) {
            throw new Rejected(401, "the token has expired");
        } catch (BadJWTException e) {
            throw new Rejected(401, "the token's claims are not valid: " + e.getMessage());
        } catch (ParseException e) {
            throw new Rejected(401, "the bearer token is not a signed JWT");
        } catch (BadJOSEException e) {
            throw new Rejected(401, "the token's signature does not hold: " + e.getMessage());
        } catch (KeySourceException e) {
            log.warn("teams: cannot fetch the Bot Connector's keys from {}: {}", metadata, e.getMessage());
            throw new Rejected(503, "the signing keys cannot be fetched now; try again");
        } catch (JOSEException e) {
            throw new Rejected(401, "the token cannot be verified: " + e.getMessage());
        }
        Object url = claims.getClaim("serviceurl");
        if (url == null) url = claims.getClaim("serviceUrl");
        if (!(url instanceof String s) || s.isBlank()) throw new Rejected(401, "the token names no serviceUrl");
        return new Verified(s);
    }

    /** The cached keys, fetched again for an unknown key id (at most once per {@code minRefresh}) or when a day old. */
    private final class Keys implements JWKSource<SecurityContext> {
        @Override public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
            JWKSet set = keys;
            Instant now = clock.instant();
            if (set == null || fetchedAt.plus(MAX_KEY_AGE).isBefore(now)) set = refresh(set, now);
            List<JWK> found = selector.select(set);
            if (found.isEmpty() && !fetchedAt.plus(minRefresh).isAfter(now)) {
                found = selector.select(refresh(set, now));
            }
            return found;
        }
    }

    private JWKSet refresh(JWKSet seen, Instant now) throws KeySourceException {
        synchronized (refreshing) {
            if (keys != seen && keys != null) return keys;  // another request fetched them meanwhile
            try {
                JsonNode meta = json.readTree(get(metadata));
                String jwks = meta.path("jwks_uri").asText("");
                if (jwks.isBlank()) throw new KeySourceException("the OpenID metadata has no jwks_uri");
                JWKSet set = JWKSet.parse(get(URI.create(jwks)));
                keys = set;
                fetchedAt = now;
                log.info("teams: {} Bot Connector signing key(s) fetched", set.getKeys().size());
                return set;
            } catch (IOException | ParseException | IllegalArgumentException e) {
                if (seen != null) {
                    // keep answering with the keys we have; try again after minRefresh
                    fetchedAt = now;
                    log.warn("teams: refreshing the Bot Connector's keys failed ({}); keeping the old ones", e.toString());
                    return seen;
                }
                throw new KeySourceException(e.toString(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeySourceException("interrupted", e);
            }
        }
    }

    private String get(URI uri) throws IOException, InterruptedException {
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) throw new IOException("not an http(s) URL: " + uri);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode() + " from " + uri);
        if (r.body().length() > MAX_DOCUMENT) throw new IOException("document too large at " + uri);
        return r.body();
    }
}
