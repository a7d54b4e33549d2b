package triage.language;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readouts that pasted tool output gives as numbers laid out in lines, read as an expert reads them
 * (lower-cased text in, before {@link Notation}; each pass linear in the text's length and skipped
 * when the text holds none of its marks):
 * <ul>
 * <li>a name lookup beside the address it should give is read by {@link Lookups}, an access log's line by
 *     {@link AccessLogs}, a table of measures over time by {@link Columns};
 * <li>a metric measured in seconds ({@code db_query_duration_seconds p99 0.041}) is a duration: its
 *     value is written with its unit ("db_query_duration p99 0.041s"), so that the rules on durations
 *     read it;
 * <li>a metric measured in milliseconds ({@code pg_query_p99_ms 5}) is a duration in milliseconds ("pg_query p99 5ms");
 * <li>a metric measured as a share ({@code pg_cpu_percent 9}) is a share ("pg_cpu 9%");
 * <li>a disk's queue depth under one is "low", ten or more "high" ("disk queue 0.3", "DiskQueueDepth 87");
 * <li>a count with its maximum in brackets after it ("25 (max 25)") on a line that names a pool of
 *     connections is a pool "full" at its maximum and "moderate" below it;
 * <li>a handful (two to five) of what sends requests ("3 session ids", "2 ips") reads "a handful of"
 *     them: few sources;
 * <li>a duration under a second written in seconds ("0.004s", "0.21 s") is written in milliseconds
 *     ("4ms", "210ms"): a span or a view of a few milliseconds is fast however its tool writes it;
 * <li>a span of a trace (a line opening on a tree mark: {@code |-}, {@code ├─}, {@code └─}, or a row
 *     with a duration under a line naming a latency measure: "trace", "span", "p95") that takes a
 *     second or more is "slow": it is where the request's time goes, and "(no response)" after it a timeout; a span that calls a
 *     named host over https ({@code http POST https://pay.vendor.example/charge}) is a call to an
 *     external API;
 * <li>in a process table ({@code top}, {@code ps}: a header with "%cpu" and the command) a row that
 *     takes 80% of a CPU or more reads "COMMAND hogging the cpu as USER": what eats the host;
 * <li>a time series (three lines or more, each a time of day, maybe after a label of it, and one value,
 *     "09:10 1.71 GB", "Mon 12:00 1.70 GiB") that
 *     climbs from line to line to at least twice where it started reads "climbing steadily", and one
 *     that jumps to ten times where it started "increased sharply"; the words go on the line above
 *     the series, which names what was measured;
 * <li>counts before names ({@code uniq -c}: "481223 185.220.101.34", three lines or more, the largest
 *     first) where one or two names hold most of the count read "most requests come from a few
 *     sources", on the line above the counts;
 * <li>a value beside its usual level ("520 (usual 90)"), addresses with their shares or counts of the traffic
 *     and the top client's share are weighed by {@link Shares};
 * <li>values written one after another on a line ("120 -> 980 -> 2400") are read as the way they went by
 *     {@link Trends};
 * <li>a measured value followed by a column gap and the next field's name ("rds cpu 22%  s3 p95 35ms") ends
 *     its field, as a comma would: the level it reads as is its own field's.
 * </ul>
 */
final class Readouts {
    private Readouts() {}

    private static final Pattern METRIC_SECONDS = Pattern.compile(
            "\\b([a-z][a-z0-9_]{0,80}?)_seconds\\b(?:\\{[^}\\n]{0,200}\\})?([ \\t]+p\\d{2,3})?[ \\t]+(\\d{1,6}(?:\\.\\d{1,9})?)(?![\\w.])");
    /** A metric measured in milliseconds ({@code pg_query_p99_ms 5}), its percentile in its name or after it. */
    private static final Pattern METRIC_MS = Pattern.compile(
            "\\b([a-z][a-z0-9_]{0,80}?)(?:_(p\\d{2,3}))?_(?:ms|millis|milliseconds)\\b(?:\\{[^}\\n]{0,200}\\})?(?:[ \\t]+(p\\d{2,3}))?[ \\t]+(\\d{1,6}(?:\\.\\d{1,9})?)(?![\\w.])");
    /** A disk's queue of writes by its depth ("disk queue 0.3", "DiskQueueDepth: 87"): under one is low, ten or more high. */
    private static final Pattern DISK_QUEUE = Pattern.compile("\\bdisk ?queue(?: ?depth| ?length)?[ \\t]*[:=]?[ \\t]*(?:of[ \\t]+)?(\\d{1,5}(?:\\.\\d{1,4})?)(?![\\w.%])");
    /** A metric measured as a share ({@code pg_cpu_percent 9}): its value is a share. */
    private static final Pattern METRIC_PERCENT = Pattern.compile(
            "\\b([a-z][a-z0-9_]{0,80}?)_(?:percent|pct)\\b(?:\\{[^}\\n]{0,200}\\})?[ \\t]+(\\d{1,3}(?:\\.\\d{1,6})?)(?![\\w.%])");
    /** A count with its maximum in brackets after it ("25 (max 25)"); a pool's when its line names one. */
    private static final Pattern OF_MAX = Pattern.compile("(?<![\\w.])(\\d{1,6})[ \\t]*\\((?:max|limit|of|size)[ \\t:=]*(\\d{1,6})\\)");
    private static final Pattern POOL_LINE = Pattern.compile("(?:\\b|_)(?:pool|conns?|connections?)(?:\\b|_)");
    /** A handful counted of what sends requests ("3 session ids", "from 2 ips"). */
    private static final Pattern FEW_SOURCES = Pattern.compile(
            "\\b(?:[2-5]|two|three|four|five)[ \\t]+(ips?|ip addresses|addresses|session ids?|sessions|api keys?|tokens|clients)\\b");
    private static final Pattern SUB_SECOND = Pattern.compile("(?<![\\w.])0?\\.(\\d{1,3})\\d{0,6}\\s?s(?![\\w.])");
    private static final Pattern SPAN_MARK = Pattern.compile("(?m)^[ \\t]*(?:\\|[-_]+|[\u251c\u2514\u2502][\u2500-]*|`-+|\\+-+)");
    private static final Pattern NO_RESPONSE = Pattern.compile("\\(?\\bno (?:response|reply|answer)\\b\\)?");
    private static final Pattern LONG_SPAN = Pattern.compile("(?<![\\w.])\\d{1,5}(?:\\.\\d{1,6})?\\s?s(?![\\w.])");
    /**
     * An HTTP client's call to a public host, with its path ("http POST https://pay.vendor.example/charge", "http: POST
     * api.stripe.com/v1"): the call is what the span says, the host's name no name lookup.
     */
    private static final Pattern OUTBOUND = Pattern.compile(
            "\\bhttps?:?[ \\t]+(?:get|post|put|patch|delete)[ \\t]+(?:https?://)?(?:[a-z0-9-]+\\.)+(?!local\\b|internal\\b|svc\\b|lan\\b|corp\\b|cluster\\b)[a-z]{2,}(?![\\w.-])(?:/[^\\s]*)?");
    /** A line that names a latency measure: the rows under it that hold durations are timed. */
    private static final Pattern TIMING_HEAD = Pattern.compile("\\b(?:p\\d{2,3}|latency|latencies|duration|durations|trace|traces|span|spans|took|elapsed)\\b");
    private static final String[] TIMED = {"|-", "|_", "\u251c", "\u2514", "`-", "+-", "p9", "p5", "latenc", "duration", "trace", "span",
            "took", "elapsed"};
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern SPAN_LABEL = Pattern.compile("^([ \\t]*[a-z][\\w.-]*):(?=[ \\t])");
    /** A line opening on a number or a time: a text that may hold a series or counts. */
    private static final Pattern ROW_START = Pattern.compile("\\n[ \\t]*(?:[a-z]{1,12}[ \\t]+)?\\d");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}(?:\\.\\d{1,4})?");
    private static final Pattern SERIES_ROW = Pattern.compile(
            "[ \\t]*(?:([a-z]{1,12})[ \\t]+)?\\d{1,2}:\\d{2}(?::\\d{2})?[ \\t]+(\\d{1,3}(?:,\\d{3})+|\\d{1,9}(?:\\.\\d{1,6})?)[ \\t]*([kmgt]i?b|[kmg](?![a-z]))?(?![\\w.,/:]).*");
    /** A count before an address ("481223 185.220.101.34") or a path ("9120 /api/search"). */
    private static final Pattern COUNT_ROW = Pattern.compile(
            "[ \\t]*(\\d{1,12})[ \\t]+(?:(\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})|(/[^\\s]{0,200}))[ \\t]*");
    /** A measured value ("22%", "35ms", "0.18s") and a column gap before the next field's name: the field ends there. */
    private static final Pattern FIELD_GAP = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?(?:%|ms|s))(?=[ \\t]{2,}[a-z])");
    /** Rows a run needs before it is read as a whole. */
    private static final int MIN_ROWS = 3;

    static String rewrite(String lower) {
        String s = Columns.rewrite(Lookups.rewrite(SearchHealth.rewrite(lower)));
        if (s.contains("_seconds")) s = metricSeconds(s);
        if (s.contains("_m")) s = metricMillis(s);
        if (s.contains("queue")) s = diskQueue(s);
        if (s.contains("_percent") || s.contains("_pct")) s = METRIC_PERCENT.matcher(s).replaceAll("$1 $2%");
        if (s.indexOf('(') >= 0) s = Shares.againstUsual(ofMax(s));
        if (s.contains("  ")) s = FIELD_GAP.matcher(s).replaceAll("$1,");
        if (s.contains(" ip") || s.contains("session") || s.contains("address") || s.contains("key") || s.contains("token")
                || s.contains("client")) s = FEW_SOURCES.matcher(s).replaceAll("a handful of $1");
        if (s.indexOf('.') >= 0 && s.indexOf('s') >= 0) s = subSecond(s);
        if (s.contains("top")) s = Shares.topShare(s);
        // kubectl's "<none>" is an empty column ("ROLES <none>"), no negation of the node's status beside it
        if (s.contains("<none>")) s = s.replace("<none>", " ");
        s = Pods.rewrite(s);
        s = AccessLogs.rewrite(s);
        s = Trends.rewrite(s);
        if (s.indexOf('\n') < 0) return s;
        if (s.indexOf('%') >= 0) s = Shares.fewSources(s);
        s = Shares.countedSources(s);
        if (timed(s)) s = spans(s);
        if (s.contains("%cpu")) s = processes(s);
        return ROW_START.matcher(s).find() ? runs(s) : s;
    }

    /** Whether a text holds somewhere a tree mark or a latency measure's name: it may hold timed rows. */
    private static boolean timed(String s) {
        for (String mark : TIMED) if (s.contains(mark)) return true;
        return false;
    }

    private static String metricSeconds(String s) {
        Matcher m = METRIC_SECONDS.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) m.appendReplacement(sb, "$1" + (m.group(2) == null ? "" : "$2") + " $3s");
        m.appendTail(sb);
        return sb.toString();
    }

    /** "pg_query_p99_ms 5" is "pg_query p99 5ms": a duration whose percentile the rules on percentiles read. */
    private static String metricMillis(String s) {
        Matcher m = METRIC_MS.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String percentile = m.group(2) != null ? m.group(2) : m.group(3);
            m.appendReplacement(sb, "$1" + (percentile == null ? "" : " " + percentile) + " $4ms");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String diskQueue(String s) {
        Matcher m = DISK_QUEUE.matcher(s);
        StringBuilder sb = null;
        while (m.find()) {
            double depth = Double.parseDouble(m.group(1));
            if (depth >= 1 && depth < 10) continue;
            if (sb == null) sb = new StringBuilder(s.length());
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group() + (depth < 1 ? " low" : " high")));
        }
        if (sb == null) return s;
        m.appendTail(sb);
        return sb.toString();
    }

    /** "in_use 25 (max 25)": on a line that names a pool, full at its maximum, with room below it; elsewhere "25 of 25". */
    private static String ofMax(String s) {
        Matcher m = OF_MAX.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            int start = s.lastIndexOf('\n', m.start()) + 1;
            boolean pool = POOL_LINE.matcher(s).region(start, m.start()).find();
            long n = Long.parseLong(m.group(1)), max = Long.parseLong(m.group(2));
            m.appendReplacement(sb, !pool ? "$1 of $2" : n >= max && max > 0 ? "$1 pool full" : "$1 pool moderate");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String subSecond(String s) {
        Matcher m = SUB_SECOND.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String d = m.group(1);
            int ms = Integer.parseInt(d) * (d.length() == 1 ? 100 : d.length() == 2 ? 10 : 1);
            m.appendReplacement(sb, ms + "ms");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Timed rows: a span line (opening on a tree mark), or a row under a line that names a latency
     * measure ("p95", "trace", "span", "duration") while each row holds a duration. In them a duration
     * of a second or more reads "slow", an HTTP call to a public host "external api call", and "(no
     * response)" a timeout.
     */
    private static String spans(String s) {
        String[] lines = s.split("\n", -1);
        boolean timed = false, changed = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                timed = false;
                continue;
            }
            if (line.strip().startsWith("```")) continue;
            boolean mark = SPAN_MARK.matcher(line).lookingAt();
            boolean duration = LONG_SPAN.matcher(line).find() || line.contains("ms");
            if (mark || timed && duration) {
                // a span's service label ("db: SELECT cart 3ms") names the span, no field of a record joined to the line above
                String read = NO_RESPONSE.matcher(OUTBOUND.matcher(SPAN_LABEL.matcher(line).replaceFirst("$1 ")).replaceAll("external api call"))
                        .replaceAll(" timed out ");
                Matcher d = LONG_SPAN.matcher(read);
                StringBuilder l = new StringBuilder(read.length());
                while (d.find()) {
                    String v = d.group();
                    d.appendReplacement(l, Double.parseDouble(v.substring(0, v.indexOf('s')).strip()) >= 1 ? " slow " : v);
                }
                d.appendTail(l);
                changed |= !l.toString().equals(line);
                lines[i] = l.toString();
                continue;
            }
            timed = TIMING_HEAD.matcher(line).find();
        }
        return changed ? String.join("\n", lines) : s;
    }

    /**
     * A process table ({@code top}, {@code ps}: a header with "%cpu" and the command): a row whose share of
     * CPU is 80 or more reads "COMMAND hogging the cpu as USER"; the header, its columns' names, reads nothing.
     */
    private static String processes(String s) {
        String[] lines = s.split("\n", -1);
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            List<String> head = List.of(BLANKS.split(lines[i].strip()));
            int cpu = head.indexOf("%cpu"), cmd = Math.max(head.indexOf("command"), head.indexOf("cmd")), user = head.indexOf("user");
            if (cpu < 0 || cmd <= cpu || !head.contains("pid")) continue;
            // the header's words are the table's columns ("command" is no execute)
            lines[i] = "";
            changed = true;
            for (int j = i + 1; j < lines.length; j++) {
                String[] row = BLANKS.split(lines[j].strip());
                if (row.length <= cmd || !Analyzer.isNumber(row[0]) || !NUMBER.matcher(row[cpu]).matches()) break;
                if (Double.parseDouble(row[cpu]) < 80) continue;
                lines[j] = String.join(" ", java.util.Arrays.asList(row).subList(cmd, row.length)) + " hogging the cpu"
                        + (user >= 0 && user < cmd ? " as " + row[user] : "");
                changed = true;
            }
        }
        return changed ? String.join("\n", lines) : s;
    }

    /** Runs of series rows and of count rows, each read as a whole onto the line above it. */
    private static String runs(String s) {
        IntPredicate digit = c -> c >= '0' && c <= '9', timed = c -> digit.test(c) || c >= 'a' && c <= 'z';
        // a series row may open on a label of its time ("mon 00:00 0.61 gib", "mem 14:00 2.8g")
        return new Rows(s).runs(SERIES_ROW, timed, 0, Readouts::series, null).runs(COUNT_ROW, digit, 0, Readouts::counts, null).text();
    }

    /**
     * A series that climbs from row to row to twice where it started, or jumps to ten times that; a fall after the
     * climb (a restart's) ends it without undoing it.
     */
    private static String series(List<MatchResult> rows) {
        if (rows.size() < MIN_ROWS) return null;
        double first = value(rows.get(0).group(2), rows.get(0).group(3)), prev = first, last = first;
        int climbing = 1;
        for (int i = 1; i < rows.size(); i++) {
            double v = value(rows.get(i).group(2), rows.get(i).group(3));
            if (climbing == i && v >= prev) climbing++;
            prev = v;
            if (climbing == i + 1) last = v;
        }
        if (first <= 0) return null;
        String way = prev >= 10 * first || last >= 10 * first && climbing >= MIN_ROWS ? " increased sharply"
                : climbing >= MIN_ROWS && last >= 2 * first ? " climbing steadily" : null;
        // a label on the rows ("mem 10:00 1.2g") names what was measured, as the line above does
        String label = rows.get(0).group(1);
        return way == null || label == null || rows.stream().anyMatch(r -> !label.equals(r.group(1))) ? way : " " + label + way;
    }

    /** Counts, the largest first, where the first two hold most and ten times or more each other row. */
    private static String counts(List<MatchResult> rows) {
        if (rows.size() < MIN_ROWS || !Shares.twoHoldMost(rows.stream().mapToLong(m -> Long.parseLong(m.group(1))).toArray())) return null;
        return rows.stream().anyMatch(m -> m.group(3) != null) ? " most requests hit the same endpoint" : " most requests come from a few sources";
    }

    private static double value(String number, String unit) {
        double v = Double.parseDouble(number.replace(",", ""));
        if (unit == null) return v;
        return switch (unit.charAt(0)) {
            case 'k' -> v * 1e3;
            case 'm' -> v * 1e6;
            case 'g' -> v * 1e9;
            default -> v * 1e12;
        };
    }
}
