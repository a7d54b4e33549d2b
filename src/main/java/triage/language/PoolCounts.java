package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pool's connections counted against its maximum, rewritten as words (part of {@link Notation}):
 * "20/20 connections", "pool 50/50 in use", "db conns: 18/20" read "pool full" at the maximum and
 * "pool moderate" below it; a count of free ones ("0/20 idle") is full at none; a count of anything
 * else ("2/3 ready", "node pool 3/3 ready") stays as written. A series of counts ("pool at 48/50 then
 * 50/50", "30/50 -> 50/50") reads as its last: what the pool holds now. One linear pass.
 */
final class PoolCounts {
    private PoolCounts() {}

    /** A count against its maximum ("20/20", "18 / 20"). */
    private static final Pattern COUNT_OF = Pattern.compile("(?<![\\w./])(\\d{1,5})\\s?/\\s?(\\d{1,5})(?![\\w./%])");
    /** Connections of a pool named right after a count ("20/20 connections", "50/50 in use", "0/20 idle"). */
    private static final Pattern POOL_AFTER = Pattern.compile(
            "\\s*(?:(?:db|database|pg|postgres|sql|pooled)\\s+)?(?:(?:free|idle|available)\\s+)?(?:connections?|conns?|slots?)\\b|\\s*(?:in use|checked out)\\b");
    /** ... or right before it ("pool 50/50", "db conns: 18/20", "connections in use 20/20"). */
    private static final Pattern POOL_BEFORE = Pattern.compile(
            "\\b(?:pool|connections?|conns?|in use|checked out)(?:\\s+[a-z_]+){0,2}?\\s*(?:is|are|at|=|:)?\\s*$");
    /** A count of machines or replicas ("node pool 3/3 ready"): no pool of connections. */
    private static final Pattern NOT_POOL_AFTER = Pattern.compile("\\s*(?:nodes?|pods?|replicas?|instances?|members?|ready|running|healthy|up|available)\\b");
    /** Free ones counted ("0/20 idle connections", "0/20 connections free"): none free is full. */
    private static final Pattern FREE = Pattern.compile("\\s*(?:[a-z]+\\s+){0,2}?(?:free|idle|available)\\b");
    /** What joins a count to the next of a series ("48/50 then 50/50", "30/50 -> 50/50", "40/50, 50/50"). */
    private static final Pattern NEXT_IN_SERIES = Pattern.compile(
            "\\s*(?:,|->|\u2192|=>|\\bto\\b|\\bthen\\b|\\band then\\b|\\band now\\b|\\bnow\\b)\\s*(?:\\band\\s+)?(?=\\d{1,5}\\s?/\\s?\\d)");

    /** {@code s} (lower-cased) with each pool's count read as words. */
    static String read(String s) {
        Matcher m = COUNT_OF.matcher(s);
        StringBuilder sb = null;
        int last = 0;
        // the end of the pool count before this one, when a connector of a series joins it to this one
        int seriesFrom = -1;
        while (m.find()) {
            long used = Long.parseLong(m.group(1)), max = Long.parseLong(m.group(2));
            boolean after = POOL_AFTER.matcher(s).region(m.end(), s.length()).lookingAt();
            boolean chained = seriesFrom >= 0 && seriesFrom == m.start();
            seriesFrom = -1;
            if (max == 0 || NOT_POOL_AFTER.matcher(s).region(m.end(), s.length()).lookingAt()
                    || !after && !chained && !POOL_BEFORE.matcher(s).region(Math.max(0, m.start() - 40), m.start()).find()) continue;
            boolean full = after && FREE.matcher(s).region(m.end(), s.length()).lookingAt() ? used == 0 : used >= max;
            if (sb == null) sb = new StringBuilder(s.length());
            Matcher next = NEXT_IN_SERIES.matcher(s).region(m.end(), s.length());
            sb.append(s, last, m.start());
            if (next.lookingAt()) {
                // an earlier value of the series says where the pool was, not where it is: the last one reads
                seriesFrom = next.end();
                sb.append(' ');
                last = next.end();
            } else {
                sb.append(full ? " pool full " : " pool moderate ");
                last = m.end();
            }
        }
        return sb == null ? s : sb.append(s, last, s.length()).toString();
    }
}
