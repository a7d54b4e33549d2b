package triage.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {
    /** Pieces of secrets, near-misses and ordinary talk, glued at random into texts. */
    private static final List<String> PIECES = List.of(
            "password=hunter2", "token: abc", "api_key = 'x1y2z3'", "AKIAABCDEFGHIJKLMNOP", "ghp_" + "a1".repeat(12),
            "xoxb-12345678", "xapp-1-A0", "BEARER 0123456789abc", "Basic dXNlcjpwYXNzd29yZA==", "bearerx", "ba", "eyJhbGci.eyJzdWIi.sig", "sk_live_" + "9".repeat(16), "Bearer abcdefgh12",
            "basic", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----", "-----", "fe80::1%eth0",
            "2001:db8::ff00:42:8329", "::1", "a:b", "=", ":", "Zx9Qw3Er7Ty1Ui5Op2As8Df4", "authentication",
            "login fails", "the redis queue keeps growing", "backoffice", " ", ", ", "\n", "k8s", "5xx", "é");

    @Test
    void skipping_the_patterns_a_text_cannot_match_never_changes_what_is_masked() {
        Random r = new Random(42);
        int masked = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder t = new StringBuilder();
            for (int k = 1 + r.nextInt(6); k > 0; k--) {
                t.append(PIECES.get(r.nextInt(PIECES.size())));
                if (r.nextBoolean()) t.append(' ');
            }
            String text = t.toString();
            String expected = Redactor.everyPattern(text);
            assertEquals(expected, Redactor.redact(text), text);
            if (!expected.equals(text)) masked++;
        }
        assertTrue(masked > 5_000, "the texts should often hold something to mask: " + masked);
    }

    @Test
    void names_kubernetes_generated_are_no_secrets() {
        String row = "billing-api-worker-7d9c6b5f8-x2kqz   0/1   CrashLoopBackOff   12";
        assertEquals(row, Redactor.redact(row));
        // a word before a random run longer than any hash is no name
        assertEquals("<secret>", Redactor.redact("deploy-q8zr4lk2pw9xv7nc3bm6hj1tg5yf0ds"));
    }

    @Test
    void a_urls_path_is_no_secret_unless_a_piece_of_it_is() {
        String exec = "POST /api/engine/v2/systems/sys-G7aQ/Dome_Lights_1/dim";
        assertEquals(exec, Redactor.redact(exec));
        String url = "curl https://placeos.example/api/engine/v2/systems/sys-LD01/Display_1/power";
        assertEquals(url, Redactor.redact(url));
        // a path holding a key is masked whole, and a key with slashes of its own is no path
        assertEquals("GET <secret>", Redactor.redact("GET /api/keys/Zx9Qw3Er7Ty1Ui5Op2As8Df4Gh6"));
        assertEquals("aws_secret <secret>", Redactor.redact("aws_secret wJalrXUtnFEMI/K7MDENG/bPxRfiCY3XAMPLEKEY"));
    }

    @Test
    void ordinary_talk_comes_back_as_the_same_string() {
        String t = "nobody can log in to backoffice since the deploy";
        assertTrue(t == Redactor.redact(t), "no copy for a text with nothing to mask");
    }
}
