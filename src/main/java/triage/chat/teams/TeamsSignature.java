package triage.chat.teams;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The outgoing webhook's HMAC: {@code Authorization: HMAC base64(HMAC-SHA256(key, raw body))}, the
 * key being the base64-decoded security token Teams showed when the webhook was created.
 */
final class TeamsSignature {
    private final byte[] key;

    /** Why a request was refused, in words for the 401 body. */
    static final class Rejected extends Exception {
        Rejected(String message) { super(message, null, false, false); }
    }

    /** @throws IllegalArgumentException when the token is not base64 */
    TeamsSignature(String securityToken) {
        if (securityToken == null || securityToken.isBlank()) throw new IllegalArgumentException("TEAMS_WEBHOOK_SECRET is empty");
        try {
            this.key = Base64.getDecoder().decode(securityToken.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TEAMS_WEBHOOK_SECRET is not base64 (paste the security token exactly as Teams showed it)");
        }
        if (key.length == 0) throw new IllegalArgumentException("TEAMS_WEBHOOK_SECRET is empty");
    }

    byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The header value Teams would send for this body. */
    String header(byte[] body) { return "HMAC " + Base64.getEncoder().encodeToString(mac(body)); }

    void verify(String authorization, byte[] body) throws Rejected {
        if (authorization == null || !authorization.regionMatches(true, 0, "HMAC ", 0, 5)) {
            throw new Rejected("missing Authorization: HMAC <signature>");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(5).strip());
        } catch (IllegalArgumentException e) {
            throw new Rejected("the HMAC signature is not base64");
        }
        if (!MessageDigest.isEqual(mac(body), given)) {
            throw new Rejected("the HMAC signature does not match (check TEAMS_WEBHOOK_SECRET)");
        }
    }
}
