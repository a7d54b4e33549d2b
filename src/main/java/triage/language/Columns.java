package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table of measures over time, as people paste it from a dashboard or a script (lower-cased text in, by
 * {@link Readouts}, before any other reading of its rows): a header naming the columns, then three rows or
 * more, each opening on a time of day and giving one value per column:
 * <pre>
 * time   rss_mb  req/s  db_pool
 * 06:00   310    40     6/50
 * 17:40   2980   41     7/50   &lt;- killed
 * </pre>
 * Each column is read as the way it went, in words said of its name: one that climbs to at least twice where it
 * started is "climbing steadily" (ten times: "increased sharply"); one that stays within half again of its lowest
 * is "flat" (a pool's count at its maximum "full"); one that rises from where it started and comes back "goes up
 * while the jobs run" when a column counts jobs that rise and fall with it ("jobs_running": 0, 6, 6, 0; that column
 * says nothing of its own), else "spikes". The table's place takes the words, one clause per column; a note after a
 * row ("&lt;- killed", "(nightly backfill)") stays, after them. Linear in the text.
 */
final class Columns {
    private Columns() {}

    /** A header: words only (a name may hold "_", "/", "%"), three or more of them, the first a time's name or not. */
    private static final Pattern HEADER = Pattern.compile("(?m)^[ \\t]*([a-z][a-z0-9_/%.-]*(?:[ \\t]+[a-z][a-z0-9_/%.-]*){2,15})[ \\t]*$");
    /** A row: a time of day, then its cells. */
    private static final Pattern ROW = Pattern.compile("^[ \\t]*\\d{1,2}:\\d{2}(?::\\d{2})?[ \\t]+(.+)$");
    /** A cell's value: a number with its unit, or a count against its maximum. */
    private static final Pattern VALUE = Pattern.compile("~?(\\d{1,9}(?:\\.\\d{1,6})?)(ms|s|%|[kmg]i?b?)?|(\\d{1,6})/(\\d{1,6})");
    /** A note after a row's values: in brackets, or after an arrow. */
    private static final Pattern NOTE = Pattern.compile("\\(([^)\\n]{0,200})\\)|(?:<-+|\u2190|#)[ \\t]*([^\\n]{0,200})");
    /** A column that counts jobs: the one others rise and fall with. */
    private static final Pattern JOBS = Pattern.compile("job|task|batch|cron|export|import|backup|report");
    private static final String TIME = "time|ts|timestamp|hour|at|when|clock";

    static String rewrite(String s) {
        if (s.indexOf('\n') < 0 || s.indexOf(':') < 0) return s;
        Matcher h = HEADER.matcher(s);
        StringBuilder out = null;
        int last = 0;
        while (h.find()) {
            String[] names = h.group(1).trim().split("[ \\t]+");
            boolean timeNamed = names[0].matches(TIME);
            // a line of plain words is prose, not a header: a table's names are a time's or a metric's ("rss_mb", "req/s")
            if (!timeNamed && !h.group(1).contains("_") && !h.group(1).contains("/")) continue;
            int columns = timeNamed ? names.length - 1 : names.length;
            List<Row> rows = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int end = h.end(), at = h.end();
            while (at < s.length() && s.charAt(at) == '\n') {
                int lineEnd = s.indexOf('\n', at + 1);
                if (lineEnd < 0) lineEnd = s.length();
                Row row = row(s.substring(at + 1, lineEnd), columns, notes);
                if (row == null) break;
                rows.add(row);
                end = at = lineEnd;
            }
            if (rows.size() < 3) continue;
            String[] own = java.util.Arrays.copyOfRange(names, timeNamed ? 1 : 0, names.length);
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, last, h.start()).append(read(own, rows));
            for (String n : notes) out.append('\n').append(n);
            last = end;
        }
        return out == null ? s : out.append(s, last, s.length()).toString();
    }

    /**
     * One row's values, one per column (a duration in milliseconds; a count against its maximum as its share of it,
     * {@code counts} saying which cells were such counts).
     */
    private record Row(double[] values, boolean[] counts) {}

    /** The row {@code line} holds, or null: no row. */
    private static Row row(String line, int columns, List<String> notes) {
        Matcher r = ROW.matcher(line);
        if (!r.matches()) return null;
        String cells = r.group(1);
        Matcher n = NOTE.matcher(cells);
        StringBuilder plain = new StringBuilder();
        int last = 0;
        while (n.find()) {
            plain.append(cells, last, n.start()).append(' ');
            notes.add((n.group(1) != null ? n.group(1) : n.group(2)).trim());
            last = n.end();
        }
        plain.append(cells, last, cells.length());
        String[] parts = plain.toString().trim().split("[ \\t]+");
        if (parts.length < columns) return null;
        double[] values = new double[columns];
        boolean[] counts = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            Matcher v = VALUE.matcher(parts[c]);
            if (!v.matches()) return null;
            counts[c] = v.group(3) != null;
            if (counts[c]) {
                double max = Double.parseDouble(v.group(4));
                values[c] = max == 0 ? 0 : Double.parseDouble(v.group(3)) / max;
            } else {
                double x = Double.parseDouble(v.group(1));
                values[c] = "s".equals(v.group(2)) ? x * 1000 : x;
            }
        }
        // what a row holds beyond its columns is a note on it
        if (parts.length > columns) notes.add(String.join(" ", java.util.Arrays.copyOfRange(parts, columns, parts.length)));
        return new Row(values, counts);
    }

    /** The way each column went, as clauses said of its name. */
    private static String read(String[] names, List<Row> rows) {
        int jobs = -1;
        String[] ways = new String[names.length];
        for (int c = 0; c < names.length; c++) {
            ways[c] = way(rows, c);
            if (jobs < 0 && "spikes".equals(ways[c]) && JOBS.matcher(names[c]).find()) jobs = c;
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < names.length; c++) {
            if (ways[c] == null) continue;
            String way = ways[c];
            if ("spikes".equals(way) && jobs >= 0 && c != jobs) way = "goes up while the jobs run";
            if (c == jobs) continue;  // the others' clauses say when the jobs run
            if (sb.length() > 0) sb.append(", ");
            sb.append(names[c].replace('_', ' ')).append(' ').append(way);
        }
        return sb.toString();
    }

    private static String way(List<Row> rows, int c) {
        int n = rows.size();
        double first = rows.get(0).values()[c], lastValue = rows.get(n - 1).values()[c], min = first, max = first;
        for (Row r : rows) { min = Math.min(min, r.values()[c]); max = Math.max(max, r.values()[c]); }
        // a count against its maximum: full at it in the last row, else flat while its share stays put
        if (rows.get(0).counts()[c]) return lastValue >= 1 ? "full" : max <= 1.5 * min ? "flat" : null;
        String climb = rising(rows, c) ? Trends.climb(first, lastValue) : null;
        if (climb != null) return climb;
        // up from where it started and back: the others may rise and fall with it
        if (max > first && max >= 2 * first && lastValue <= 1.5 * first) return "spikes";
        if (max <= 1.5 * min && min > 0 || max == 0) return "flat";
        return null;
    }

    /** Whether a column's values climb from row to row, allowing a dip of a tenth. */
    private static boolean rising(List<Row> rows, int c) {
        for (int i = 1; i < rows.size(); i++) if (rows.get(i).values()[c] < 0.9 * rows.get(i - 1).values()[c]) return false;
        return true;
    }
}
