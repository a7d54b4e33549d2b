package triage.language;

import java.util.regex.Pattern;

/**
 * A number of things counted ("200 requests waiting for a connection", "with 404 clients queued")
 * reads "some": a count, no HTTP status (the lexicon reads a bare "200" as success, "500" as
 * failure). Errors and responses counted keep their number: "500 errors" are answers of a status.
 * One of {@link Notation}'s rewrites, on lower-cased text.
 */
final class Tallies {
    private Tallies() {}

    /** A status-like number followed, on its line, by what it counts. */
    private static final Pattern COUNTED = Pattern.compile(
            "(?<![\\w./:=-])[1-5]\\d\\d(?=[ \\t]+(?:(?:more|other|open|pending)[ \\t]+)?(?:requests?|reqs|waiting|waiters|clients?"
            + "|connections?|conns|threads?|jobs?|users?|sessions?|keys|items?|rows?|queries|workers?|pods?|messages?|tasks?"
            + "|people|customers?|visitors?)\\b)");

    static String counted(String s) {
        // a scan only where a count can start: most texts have no digit from 1 to 5 that begins a number
        return numberBegins(s, '1', '5', "./:=-") ? COUNTED.matcher(s).replaceAll("some") : s;
    }

    /**
     * Whether {@code s} has a digit from {@code lo} to {@code hi} with neither a word character nor one of
     * {@code notAfter} right before it: where a number read by a pattern opening on {@code (?<![\w...])[lo-hi]}
     * can begin. Most texts have none, and need no regex run over them.
     */
    static boolean numberBegins(String s, char lo, char hi, String notAfter) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < lo || c > hi) continue;
            char b = i == 0 ? ' ' : s.charAt(i - 1);
            boolean word = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_';
            if (!word && notAfter.indexOf(b) < 0) return true;
        }
        return false;
    }
}
