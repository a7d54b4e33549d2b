package triage.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a credential, or an address that identifies a host, in text people typed,
 * before anything keeps it (the conversation store, the list of what nothing understood, the
 * metrics) or logs it: {@code key=value} secrets ({@code password=}, {@code token:},
 * {@code api_key=}...), known token formats (AWS access key ids, GitHub and Slack tokens, JWTs,
 * PEM private keys, bearer credentials), long random-looking strings and IPv6 addresses. A name
 * Kubernetes generated ({@code mainstack-web-5f8b7-2hjkq}: a deployment's words, its ReplicaSet's hash and
 * the pod's suffix) is no secret: it says which deployment a pasted {@code kubectl} row is about.
 *
 * <p>Every pattern is a single pass without nested repetition, so the cost is linear in the
 * text's length whatever its shape; what it misses is better caught at the source (people should
 * not paste secrets into a chat), so it errs towards masking.
 */
public final class Redactor {
    /** What stands in for a secret. */
    public static final String SECRET = "<secret>";

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----(?:(?!-----END)[\\s\\S]){0,20000}(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?<![A-Za-z0-9])((?:[a-z0-9]{1,20}[_.-])?(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|apikey"
                    + "|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|session[_-]?id|cookie))"
                    + "(\\s{0,3}[=:]\\s{0,3})(?:\"[^\"\\s]{1,200}\"|'[^'\\s]{1,200}'|[^\\s,;&\"']{1,500})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(?<![A-Za-z0-9])(bearer|basic)\\s{1,3}[A-Za-z0-9._~+/=-]{8,}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKENS = Pattern.compile(
            "(?<![A-Za-z0-9])(?:"
                    + "(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}"              // AWS access key ids
                    + "|gh[pousr]_[A-Za-z0-9]{20,255}"                             // GitHub tokens
                    + "|github_pat_[A-Za-z0-9_]{20,255}"
                    + "|xox[abposr]-[A-Za-z0-9-]{8,255}"                           // Slack tokens
                    + "|xapp-[A-Za-z0-9-]{8,255}"
                    + "|eyJ[A-Za-z0-9_-]{4,2000}\\.[A-Za-z0-9_-]{4,4000}\\.[A-Za-z0-9_-]{0,2000}"  // JWTs
                    + "|sk_(?:live|test)_[A-Za-z0-9]{16,255}"                      // Stripe-style keys
                    + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![A-Za-z0-9:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}"
                    + "|(?:[0-9a-f]{1,4}:){1,7}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?"
                    + "|::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6}))(?:%[A-Za-z0-9]{1,16})?(?![A-Za-z0-9:])",
            Pattern.CASE_INSENSITIVE);
    /** Candidates for "random-looking": long runs of token characters. */
    private static final Pattern LONG = Pattern.compile("[A-Za-z0-9+/=_-]{24,}");
    /** A generated object name: words, then one or two short hashes ({@code web-5f8b7-2hjkq}, {@code redis-7f9c4d}). */
    private static final Pattern GENERATED_NAME = Pattern.compile("(?:[a-z]{2,}-){1,6}[a-z0-9]{3,10}(?:-[a-z0-9]{4,5})?");
    /** Bits per character above which a long run of letters and digits reads as random (a key, not a word). */
    private static final double ENTROPY = 3.5;

    private Redactor() {}

    /**
     * {@code text} with credentials and IPv6 addresses masked; null stays null. One scan of the
     * text first tells which patterns could match at all (most sentences have no {@code :} or
     * {@code =} and no long run of token characters), so ordinary talk costs one pass, not six.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        return redact(text, Shape.of(text));
    }

    /** Every pattern, whatever the text's shape: what {@link #redact} must always equal. */
    static String everyPattern(String text) {
        if (text == null || text.isEmpty()) return text;
        return redact(text, Shape.ANY);
    }

    private static String redact(String text, Shape s) {
        String t = s.dashes ? PEM.matcher(text).replaceAll(SECRET) : text;
        if (s.longestRun >= SHORTEST_TOKEN) t = TOKENS.matcher(t).replaceAll(SECRET);
        if (s.bearer) t = BEARER.matcher(t).replaceAll("$1 " + SECRET);
        if (s.assigns) t = KEY_VALUE.matcher(t).replaceAll("$1$2" + SECRET);
        if (s.colon) t = IPV6.matcher(t).replaceAll("<ip>");
        return s.longestRun >= 24 ? randomLooking(t) : t;
    }

    /** The shortest text {@link #TOKENS} matches ({@code xoxb-} and eight more). */
    private static final int SHORTEST_TOKEN = 13;

    /**
     * What a text would need for a pattern to match: {@code -----} (PEM), {@code =} or {@code :}
     * (key=value), {@code :} (IPv6), the word "bearer" or "basic" before a run of eight or more
     * (a credential in a header), and the longest run of characters any token or random-looking
     * string is made of.
     */
    private record Shape(boolean dashes, boolean assigns, boolean colon, boolean bearer, int longestRun) {
        /** A shape any pattern could match. */
        static final Shape ANY = new Shape(true, true, true, true, Integer.MAX_VALUE);
        /** The ASCII characters a run is made of: letters, digits and {@code +/=_.~-}. */
        private static final boolean[] RUN = new boolean[128];
        static {
            for (char c = 0; c < 128; c++) RUN[c] = Character.isLetterOrDigit(c) || "+/=_.~-".indexOf(c) >= 0;
        }

        static Shape of(String text) {
            boolean colon = false, equals = false;
            int run = 0, longest = 0, dashRun = 0;
            boolean dashes = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ':') colon = true;
                else if (c == '=') equals = true;
                dashRun = c == '-' ? dashRun + 1 : 0;
                if (dashRun >= 5) dashes = true;
                if (c < 128 && RUN[c]) {
                    longest = Math.max(longest, ++run);
                } else {
                    run = 0;
                }
            }
            return new Shape(dashes, colon || equals, colon, longest >= 8 && schemeNamed(text), longest);
        }

        /** Whether "bearer" or "basic" (any case) is in {@code text}: looked for only at a b. */
        private static boolean schemeNamed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c == 'b' || c == 'B') && (text.regionMatches(true, i, "bearer", 0, 6)
                        || text.regionMatches(true, i, "basic", 0, 5))) return true;
            }
            return false;
        }
    }

    private static String randomLooking(String t) {
        Matcher m = LONG.matcher(t);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String run = m.group();
            if (!random(run) || GENERATED_NAME.matcher(run).matches() || path(t, m.start(), run)) continue;
            if (out == null) out = new StringBuilder(t.length());
            out.append(t, last, m.start()).append(SECRET);
            last = m.end();
        }
        if (out == null) return t;
        return out.append(t, last, t.length()).toString();
    }

    /**
     * Whether {@code run}, found at {@code at} in {@code t}, is a URL's path ({@code /api/engine/v2/systems/sys-G7aQ/Display_1/power}):
     * it opens on a slash or follows a host name's dot, and no piece between its slashes is a key by itself.
     */
    private static boolean path(String t, int at, String run) {
        if (run.charAt(0) != '/' && !(at > 0 && t.charAt(at - 1) == '.' && run.indexOf('/') > 0)) return false;
        for (String piece : run.split("/")) if (piece.length() >= 24 && random(piece)) return false;
        return true;
    }

    /** Letters and digits mixed, and close to uniformly spread: a key or a hash, not a word or a name. */
    static boolean random(String run) {
        boolean letter = false, digit = false;
        int[] counts = new int[128];
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (Character.isDigit(c)) digit = true;
            else if (Character.isLetter(c)) letter = true;
            counts[c & 127]++;
        }
        if (!letter || !digit) return false;
        double h = 0;
        for (int n : counts) {
            if (n == 0) continue;
            double p = (double) n / run.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h >= ENTROPY;
    }
}
