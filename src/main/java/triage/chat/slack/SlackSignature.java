package triage.chat.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Slack's request signing, v0: {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body))}.
 * Checked on the raw bytes before anything is parsed, compared in constant time, and only for a
 * timestamp within {@value #WINDOW_SECONDS} s of this server's clock either way.
 */
final class SlackSignature {
    private static final Logger log = LoggerFactory.getLogger(SlackSignature.class);
    static final long WINDOW_SECONDS = 300;
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final String SIGNATURE = "X-Slack-Signature";

    private final byte[] secret;
    private final Clock clock;

    /** Why a request was refused, in words for the 401 body. */
    static final class Rejected extends Exception {
        Rejected(String message) { super(message, null, false, false); }
    }

    SlackSignature(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("the Slack signing secret is empty");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock);
    }

    /** {@code v0=<hex>} for this timestamp and body. */
    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    void verify(String timestamp, String signature, byte[] body) throws Rejected {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            throw new Rejected("missing " + SIGNATURE + " or " + TIMESTAMP + " header");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new Rejected(TIMESTAMP + " is not a number of seconds");
        }
        long skew = clock.instant().getEpochSecond() - ts;
        if (Math.abs(skew) > WINDOW_SECONDS) {
            // a server with a wrong clock rejects everything: say by how much, so it can be seen
            log.warn("slack request refused: its timestamp is {} s {} this server's clock (window {} s); "
                    + "if every request is refused, check the clock", Math.abs(skew), skew > 0 ? "behind" : "ahead of",
                    WINDOW_SECONDS);
            throw new Rejected("stale request: " + TIMESTAMP + " is more than " + WINDOW_SECONDS + " s from this server's clock");
        }
        byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new Rejected("the request signature does not match (check SLACK_SIGNING_SECRET)");
        }
    }
}
