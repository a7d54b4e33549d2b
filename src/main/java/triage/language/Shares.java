package triage.language;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two readouts that weigh one number against others, as {@link Readouts} reads pasted output (lower-cased
 * text in, before {@link Notation}):
 * <ul>
 * <li>a value with its usual level in brackets after it ("hits/s: 520 (usual 90)", "4120 (baseline 70)") is
 *     that many times its usual: twice or more reads as the factor over normal ("520 5x normal", which
 *     {@link Notation} reads as a level far above its baseline), within a quarter of it "normal";
 * <li>rows of addresses with their share of the traffic ("203.0.113.18 71%", two rows or more, under a
 *     line that says what they are) where the first two hold more than half of it read "most requests
 *     come from a few sources", on the line above the rows, and so do rows of addresses with their counts
 *     ("198.51.100.23  1,204,881", three rows or more, the largest first) where the first two hold most of the
 *     count, ten times or more what each other row holds;
 * <li>the top client named with its share ("top client ip 198.51.100.14  92% of requests", "top user_id share
 *     71%") holding more than half of the traffic is a flood from few sources.
 * </ul>
 */
final class Shares {
    private Shares() {}

    private static final Pattern AGAINST_USUAL = Pattern.compile(
            "(?<![\\w.])(\\d{1,9}(?:\\.\\d{1,3})?)[ \\t]*\\((?:the )?(?:usual|usually|normal|normally|baseline|typical|typically|avg|average)"
            + "[ \\t]*[:=]?[ \\t]*(\\d{1,9}(?:\\.\\d{1,3})?)[ \\t]*\\)");
    /** A row of an address (IPv4 or IPv6) and its share of the traffic. */
    private static final Pattern SHARE_ROW = Pattern.compile(
            "[ \\t]*(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})(?:/\\d{1,3})?[ \\t]+(\\d{1,3}(?:\\.\\d+)?)[ \\t]*%[ \\t]*");

    /**
     * What a few sources holding most of the traffic reads as; its full stop keeps a share or a level on the
     * lines after it ("rds cpu 15%": low) from saying the flood is absent.
     */
    private static final String FEW = " most requests come from a few sources.";
    /** A row of an address and its count of requests ("198.51.100.23  1,204,881"). */
    private static final Pattern COUNT_ROW = Pattern.compile(
            "[ \\t]*(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})(?:/\\d{1,3})?[ \\t]+(\\d{1,3}(?:,\\d{3})+|\\d{1,12})[ \\t]*");
    /** The top client with its share of the traffic ("top client ip 192.0.2.8  92% of requests"). */
    private static final Pattern TOP_SHARE = Pattern.compile(
            "\\btop[ _](?:clients?|client ips?|ips?|sources?|source ips?|callers?|users?|user_?ids?|tenants?|api keys?|accounts?)\\b[^\\n%]{0,60}?"
            + "(?<![\\d.])(\\d{1,3}(?:\\.\\d+)?)[ \\t]*%(?:[ \\t]+of[ \\t]+(?:all[ \\t]+)?(?:requests|traffic|hits))?");

    /** Values written beside their usual level, read as how far above it they are. */
    static String againstUsual(String s) {
        Matcher m = AGAINST_USUAL.matcher(s);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            double now = Double.parseDouble(m.group(1)), usual = Double.parseDouble(m.group(2));
            if (usual <= 0) continue;
            double factor = now / usual;
            // the words join the value's clause: "rps 300 6x normal" is a rate far above its usual
            String read = factor >= 2 ? m.group(1) + " " + (long) factor + "x normal"
                    : factor >= 0.8 && factor <= 1.25 ? m.group(1) + " normal" : null;
            if (read == null) continue;
            if (sb == null) sb = new StringBuilder(s.length() + 16);
            sb.append(s, last, m.start()).append(read);
            last = m.end();
        }
        return sb == null ? s : sb.append(s, last, s.length()).toString();
    }

    /** The top client's share: more than half of the traffic from one source is most requests from few. */
    static String topShare(String s) {
        Matcher m = TOP_SHARE.matcher(s);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            if (Double.parseDouble(m.group(1)) <= 50) continue;
            if (sb == null) sb = new StringBuilder(s.length() + 32);
            sb.append(s, last, m.end()).append(',').append(FEW);
            last = m.end();
        }
        return sb == null ? s : sb.append(s, last, s.length()).toString();
    }

    /** Runs of address rows with counts, the largest first, whose first two hold most of the count: a few sources. */
    static String countedSources(String s) {
        return new Rows(s).runs(COUNT_ROW, Shares::opensAddress, 1, Shares::fewByCount, null).text();
    }

    /** Runs of address rows with shares whose first two hold most of the traffic: a few sources. */
    static String fewSources(String s) {
        // the rows are read as a whole: a share of the traffic is no level of anything ("11%" is no "low")
        return new Rows(s).runs(SHARE_ROW, Shares::opensAddress, 1, Shares::fewByShare,
                row -> row.group().substring(0, row.start(1) - row.start()).stripTrailing()).text();
    }

    /** Whether a row of an address can start with {@code c}: an IPv4 address's digit, an IPv6 address's hex digit or colon. */
    private static boolean opensAddress(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == ':';
    }

    /** Three counts or more, the largest first, the first two holding most and ten times or more each other row. */
    private static String fewByCount(List<MatchResult> rows) {
        return twoHoldMost(rows.stream().mapToLong(r -> Long.parseLong(r.group(1).replace(",", ""))).toArray()) ? FEW : null;
    }

    /**
     * Whether {@code counts} (three or more) come largest first and their first two hold most of the total, ten
     * times or more what each other one holds: a few sources, or one endpoint, behind most of the traffic.
     */
    static boolean twoHoldMost(long[] counts) {
        if (counts.length < 3) return false;
        long total = 0, top2 = counts[0] + counts[1];
        for (int i = 0; i < counts.length; i++) {
            if (i > 0 && counts[i] > counts[i - 1]) return false;
            total += counts[i];
        }
        return 2 * top2 > total && top2 >= 10 * (total - top2) / (counts.length - 2);
    }

    /** Two shares or more, the first two holding more than half of the traffic. */
    private static String fewByShare(List<MatchResult> rows) {
        if (rows.size() < 2) return null;
        double top2 = Double.parseDouble(rows.get(0).group(1)) + Double.parseDouble(rows.get(1).group(1));
        return top2 > 50 && top2 <= 100 ? FEW : null;
    }
}
