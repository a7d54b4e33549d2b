package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration of a second or more of something a person waits on ("p99 12s", "spans 30s+", "queries
 * take 20 s", "the page loads in 2 minutes", "the vendor answers in 20s"), or spent in something
 * ("38s inside s3 put_object", "40s waiting on the vendor"), reads "slow"; a period
 * ("every 30s", "for 30s", "30s ago"), a setting ("timeout 30s") or the baseline it is compared with
 * ("in 20s instead of 100ms", "up from 2s", "queries that took 20ms") stays a number. One of {@link Notation}'s rewrites, on
 * lower-cased text.
 */
final class Waits {
    private Waits() {}

    /** A duration of seconds or minutes ("12s", "30s+", "20 s", "2 minutes"). */
    private static final Pattern SECONDS = Pattern.compile(
            "(?<![\\w.])(\\d{1,4})(?:\\.\\d+)?\\s?(?:s|secs?|seconds?|mins?|minutes?)(?!\\w|\\.\\w)\\+?");
    /** What a person waits on, named a few words before its duration ("p99", "queries take", "the page loads in"). */
    private static final Pattern WAITED_ON = Pattern.compile(
            "\\b(?:p\\d{2,3}|latency|latencies|response|responses|request|requests|reqs?|query|queries|span|spans|view|views"
            + "|page|pages|call|calls|endpoint|endpoints|load|loads|loading|take|takes|took|taking|duration|avg|average|mean|median"
            + "|respond|responds|responded|answer|answers|answered|reply|replies|replied)\\b"
            + "[^.,;:!?\\n]{0,30}$");
    /**
     * Right after a duration, what it was spent in ("38s inside s3 put_object", "38s in s3.GetObject",
     * "40s waiting on the vendor"): a wait, named after its duration.
     */
    private static final Pattern WAITED_IN = Pattern.compile(
            "\\s*(?:inside|spent (?:in|on)|waiting (?:on|for)|blocked (?:on|in)|stuck in|in (?=[a-z0-9-]*[._][a-z]|s3\\b))");
    /** Right before a duration, what makes it a period or a bound, not how long something took. */
    private static final Pattern PERIOD_BEFORE = Pattern.compile(
            "\\b(?:every|each|per|after|for|within|timeout|timeouts|interval|ttl|than|under|below|last|past|next|once)\\s*[=:]?\\s*$");
    /** Right before a duration, what makes it the baseline another is compared with ("instead of 100ms", "up from 2s"). */
    static final Pattern BASELINE_BEFORE = Pattern.compile(
            "\\b(?:instead of|rather than|compared (?:to|with)|versus|vs\\.?|usually|normally|used to be|from"
            // what a thing took before, said as it is compared with now ("queries that took 20ms take 15s")
            + "|(?:that|which|normally|usually|typically) (?:took|take|takes|ran in|used to take))\\s*[=:]?\\s*$");
    private static final Pattern PERIOD_AFTER = Pattern.compile("\\s*(?:ago|later|timeout|interval|window|ttl|before|apart)\\b");

    /**
     * Whether a number stands on its own in {@code s}: a digit after no word character or dot, where
     * {@link #SECONDS} can start. Most texts have none ("s3", "p99" are words), and skip its scan.
     */
    private static boolean standingNumber(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' && (i == 0 || !wordOrDot(s.charAt(i - 1)))) return true;
        }
        return false;
    }

    private static boolean wordOrDot(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.';
    }

    /** "p99 12s", "queries take 20 s": a duration of a second or more of something waited on is slow. */
    static String slow(String s) {
        if (!standingNumber(s)) return s;
        Matcher m = SECONDS.matcher(s);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            int back = Math.max(0, m.start() - 40);
            int v = Integer.parseInt(m.group(1));
            // "500s" and "503s" are answers of a status, counted
            boolean statuses = v >= 400 && v < 600 && s.charAt(m.end(1)) == 's';
            boolean waited = WAITED_ON.matcher(s).region(back, m.start()).find()
                    || WAITED_IN.matcher(s).region(m.end(), s.length()).lookingAt();
            if (v < 1 || statuses || !waited
                    || PERIOD_BEFORE.matcher(s).region(back, m.start()).find()
                    || BASELINE_BEFORE.matcher(s).region(back, m.start()).find()
                    || PERIOD_AFTER.matcher(s).region(m.end(), s.length()).lookingAt()) continue;
            if (sb == null) sb = new StringBuilder(s.length());
            sb.append(s, last, m.start()).append(" slow ");
            last = m.end();
        }
        return sb == null ? s : sb.append(s, last, s.length()).toString();
    }
}
