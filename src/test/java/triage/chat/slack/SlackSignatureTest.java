package triage.chat.slack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slack's v0 request signature, against the worked example Slack publishes. */
class SlackSignatureTest {
    // "Verifying requests from Slack" (api.slack.com/authentication/verifying-requests-from-slack)
    static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String DOC_TIMESTAMP = "1531420618";
    static final String DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
            + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignature at(long epochSecond) {
        return new SlackSignature(DOC_SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static final byte[] BODY = DOC_BODY.getBytes(StandardCharsets.UTF_8);

    @Test
    void slacks_published_example_signs_and_verifies() {
        SlackSignature s = at(1531420618L);
        assertEquals(DOC_SIGNATURE, s.sign(DOC_TIMESTAMP, BODY));
        assertDoesNotThrow(() -> s.verify(DOC_TIMESTAMP, DOC_SIGNATURE, BODY));
    }

    @Test
    void five_minutes_either_way_is_the_window() {
        assertDoesNotThrow(() -> at(1531420618L + 300).verify(DOC_TIMESTAMP, DOC_SIGNATURE, BODY));
        assertDoesNotThrow(() -> at(1531420618L - 300).verify(DOC_TIMESTAMP, DOC_SIGNATURE, BODY));
        var late = assertThrows(SlackSignature.Rejected.class, () -> at(1531420618L + 301).verify(DOC_TIMESTAMP, DOC_SIGNATURE, BODY));
        assertTrue(late.getMessage().contains("stale"), late.getMessage());
        assertThrows(SlackSignature.Rejected.class, () -> at(1531420618L - 301).verify(DOC_TIMESTAMP, DOC_SIGNATURE, BODY));
    }

    @Test
    void a_changed_byte_a_wrong_secret_or_a_missing_header_is_refused() {
        SlackSignature s = at(1531420618L);
        byte[] changed = DOC_BODY.replace("roadrunner", "roadrunnes").getBytes(StandardCharsets.UTF_8);
        assertThrows(SlackSignature.Rejected.class, () -> s.verify(DOC_TIMESTAMP, DOC_SIGNATURE, changed));
        SlackSignature other = new SlackSignature("another-secret", Clock.fixed(Instant.ofEpochSecond(1531420618L), ZoneOffset.UTC));
        assertThrows(SlackSignature.Rejected.class, () -> other.verify(DOC_TIMESTAMP, DOC_SIGNATURE, BODY));
        assertThrows(SlackSignature.Rejected.class, () -> s.verify(null, DOC_SIGNATURE, BODY));
        assertThrows(SlackSignature.Rejected.class, () -> s.verify(DOC_TIMESTAMP, null, BODY));
        assertThrows(SlackSignature.Rejected.class, () -> s.verify("soon", DOC_SIGNATURE, BODY));
        assertThrows(SlackSignature.Rejected.class, () -> s.verify(DOC_TIMESTAMP, "v0=abc", BODY));
    }
}
