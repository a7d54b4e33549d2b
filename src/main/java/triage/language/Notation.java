package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pasted tool output writes in notation rather than words, rewritten as words before the
 * text is cut into tokens (lower-cased text in, one linear pass per pattern):
 * <ul>
 * <li>a share: at most 20% reads "low", at least 80% "high" ("postgres cpu 8%", "cpu per pod 95%"), unless a
 *     change follows it ("10% above normal", "30% up" say how much something moved, not its level);
 * <li>an address with dots ("10.0.3.7") reads "ip", a number with dots ("5.000", "20.04") "num";
 * <li>a count of none out of several ("0/3 nodes are available", "deployment 0/3") reads "none";
 * <li>a bare host name ("app.example.com"; in a URL it is the URL's words) reads "hostname", so its dots
 *     do not end sentences and its labels are not read as words ("app");
 * <li>{@code . ; : ! ?} end a sentence only before a space or the end: "10.0.3.7:2379",
 *     {@code "message":"no core instances"} and "core:3000" are one clause.
 * </ul>
 */
final class Notation {
    private Notation() {}

    private static final Pattern SHARE = Pattern.compile("(?<![\\w.])(\\d{1,3})(?:\\.\\d+)?\\s?%");
    private static final Pattern NONE_OF = Pattern.compile("(?<![\\w./])0\\s?/\\s?[1-9]\\d*(?![\\w./])");
    private static final Pattern HOST = Pattern.compile(
            "(?<![\\w./:-])(?:[a-z0-9-]+\\.)+(?:com|net|org|io|dev|app|co|cloud|internal|local|lan|corp)(?![\\w./-])");
    private static final Pattern DOTTED = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)+(?![\\w.])");
    private static final Pattern CHANGE = Pattern.compile(
            "\\s*(?:above|over|more|higher|up|increase|increased|rise|jump|jumped|below|under|less|lower|down|drop|dropped|fewer|slower|faster)\\b");
    private static final Pattern BREAK_IN_WORD = Pattern.compile("[.;:!?](?=[^\\s.;:!?])");

    static String rewrite(String lower) {
        String s = lower;
        if (s.indexOf('%') >= 0) s = share(s);
        if (s.indexOf('/') >= 0) s = NONE_OF.matcher(s).replaceAll(" none ");
        if (s.indexOf('.') >= 0) s = dotted(s);
        if (s.indexOf('.') >= 0) s = HOST.matcher(s).replaceAll(" hostname ");
        return BREAK_IN_WORD.matcher(s).replaceAll(" ");
    }

    /** "10.0.3.7" is an address, "5.000" or "20.04" a number: neither is a sentence's end or a "0". */
    private static String dotted(String s) {
        Matcher m = DOTTED.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int dots = 0;
            for (int i = m.start(); i < m.end(); i++) if (s.charAt(i) == '.') dots++;
            m.appendReplacement(sb, dots == 3 ? " ip " : " num ");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String share(String s) {
        Matcher m = SHARE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int v = Integer.parseInt(m.group(1));
            // "10% above normal" is a change, not a level: it says nothing of low or high
            boolean change = CHANGE.matcher(s).region(m.end(), s.length()).lookingAt();
            m.appendReplacement(sb, change ? m.group(1) + " percent" : v <= 20 ? " low " : v >= 80 ? " high " : m.group(1) + " percent");
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
