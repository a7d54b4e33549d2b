package triage.language;

import java.util.regex.Pattern;

/**
 * "up" that says something rose reads "increased", no word of health: before how much ("up 40%", "up by 3x",
 * "up from 2s") and after a measure that "is up" ("latency on all views is up", "traffic was up"); a service
 * that is up (or "up and running") still runs. One of {@link Notation}'s rewrites, on lower-cased text.
 */
final class Rises {
    private Rises() {}

    /** "up" before a factor, a share, a size, a time, a count of times or a baseline, or after a measure that is up. */
    private static final Pattern UP_BY = Pattern.compile(
            "\\bup(?=\\s+(?:by\\s+)?(?:~\\s?|about\\s|around\\s|roughly\\s|nearly\\s|almost\\s|over\\s|like\\s)?\\d+(?:\\.\\d+)?\\s?(?:x\\b|%|percent\\b|times\\b|-?fold\\b|[kmgt]i?b\\b|ms\\b)"
            + "|\\s+from\\s+(?:\\d|last|yesterday|normal|usual|the usual|baseline|before)\\b)"
            // a measure that "is up" has risen ("latency on all views is up"), where a service that is up runs
            // (the "up" first: the look back is paid only where there is one)
            + "|\\bup\\b(?<=\\b(?:latency|latencies|p50|p95|p99|response time|response times|load|traffic|cpu|memory|errors"
            + "|error rate|usage|iops|hits|rps|qps|wait time|wait times|timeouts) (?:is|are|was|were) up)(?! and running)");

    static String read(String s) { return s.contains("up") ? UP_BY.matcher(s).replaceAll("increased") : s; }
}
