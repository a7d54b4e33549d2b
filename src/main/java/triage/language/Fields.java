package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pasted fields ({@code InUse:20 Idle:0 WaitCount:18234}, {@code "pool_active":50,"pool_max":50},
 * {@code active=30 idle=0 waiting=180}) and pipe tables (pgbouncer's {@code SHOW POOLS}) read as an
 * expert reads them, before the text is cut into words (lower-cased text in, linear in its length):
 * <ul>
 * <li>each field of a run of two or more is its own clause, and a field's zero ("Idle:0") reads "nil":
 *     a count of none, no negation a neighbouring clause could share (a waiters' count of zero still
 *     denies waits);
 * <li>a pipe table's rows are written as fields, each cell named by its column ({@code cl_waiting=312});
 * <li>in pool statistics (a run of fields that counts active or in-use connections), a count of
 *     waiters above zero reads "clients stuck waiting" ({@code waiting=180}, {@code pending=412}), and
 *     active at its maximum ({@code pool_active=50 pool_max=50}) reads "pool full";
 * <li>a dashboard's gauge of something working at zero is that thing not working ({@link Gauges});
 * <li>a list of items each with its state after a comma joins them ({@link ItemStates});
 * <li>a state written as a record holding its name (AWS's {@code InstanceState: {Name: stopped}},
 *     {@code "State": {"Code": 80, "Name": "stopped"}}) is that name: "InstanceState: stopped".
 * </ul>
 */
final class Fields {
    private Fields() {}

    /** One field: a name, then {@code :} or {@code =} (quotes allowed around the name), then a number. */
    private static final Pattern FIELD = Pattern.compile("\"?([a-z][a-z0-9_.]{0,40})\"?\\s?[:=]\\s?\"?(\\d{1,12})(?![\\d.:/])\"?");
    private static final Pattern WAITING = Pattern.compile(
            "(?:cl_|pool_|threads_?)?(?:waiting|waiters|pending|waitcount|wait_count|awaiting|queued)(?:_?(?:threads|clients|connections|requests))?");
    private static final Pattern ACTIVE = Pattern.compile(
            "(?:cl_|pool_|num_?|db_)?(?:active|inuse|in_use|busy|used|checkedout|checked_out)(?:_?connections)?");
    private static final Pattern MAX = Pattern.compile(
            "(?:pool_|db_)?(?:max|max_?size|maxopenconnections|max_open_connections|maximumpoolsize|maximum_pool_size|pool_?size|size|limit|total)");
    /** A record that names a state: its braces and its "Name" key go, the name stays. */
    private static final Pattern NAMED_STATE = Pattern.compile(
            "\\{[^{}\\n]{0,40}?\"?name\"?\\s?:\\s?\"?([a-z][a-z-]{1,30})\"?[^{}\\n]{0,20}?\\}");
    /** A pipe-separated line: three cells or more. */
    private static final int MIN_CELLS = 3;

    static String rewrite(String lower) {
        String s = ItemStates.rewrite(Gauges.rewrite(lower.indexOf('|') >= 0 && lower.indexOf('\n') >= 0 ? tables(lower) : lower));
        if (s.indexOf('{') >= 0 && s.contains("name")) s = NAMED_STATE.matcher(s).replaceAll(" $1 ");
        if (s.indexOf(':') < 0 && s.indexOf('=') < 0) return s;
        Matcher m = FIELD.matcher(s);
        StringBuilder out = new StringBuilder(s.length() + 16);
        List<String[]> run = new ArrayList<>();
        int last = 0, runStart = -1, runEnd = -1;
        while (m.find()) {
            // fields part a run when only spaces, line breaks (a pretty-printed record), commas, braces or quotes stand between them
            if (runEnd >= 0 && !joiner(s, runEnd, m.start())) {
                flush(s, out, run, runStart, runEnd);
                runEnd = -1;
            }
            if (runEnd < 0) {
                out.append(s, last, m.start());
                runStart = m.start();
            }
            run.add(new String[] {m.group(1), m.group(2)});
            last = runEnd = m.end();
        }
        if (runEnd >= 0) flush(s, out, run, runStart, runEnd);
        out.append(s, last, s.length());
        return out.toString();
    }

    private static boolean joiner(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != ',' && c != '{' && c != '}' && c != '"' && c != '\t' && c != '\n' && c != '\r') return false;
        }
        return true;
    }

    /**
     * A run of two fields or more as clauses of their own, and what pool statistics say as a whole
     * (clients waiting, the pool at its maximum); a lone field stays as written ("core:3000").
     */
    private static void flush(String s, StringBuilder out, List<String[]> run, int start, int end) {
        if (run.size() < 2) {
            out.append(s, start, end);
            run.clear();
            return;
        }
        long active = -1, max = -1, waiting = -1;
        for (String[] f : run) {
            String k = f[0].toLowerCase(Locale.ROOT);
            long v = Long.parseLong(f[1]);
            // a field's zero is a count of none, no negation that a neighbouring clause could share:
            // "idle 0" beside "waiting 180" says nothing of the waiting; a waiters' count of zero denies waits
            String value = v != 0 ? f[1] : WAITING.matcher(k).matches() ? "none" : "nil";
            out.append(' ').append(k.replace('_', ' ').replace('.', ' ')).append(' ').append(value).append(" ,");
            if (WAITING.matcher(k).matches()) waiting = Math.max(waiting, v);
            else if (ACTIVE.matcher(k).matches()) active = Math.max(active, v);
            else if (MAX.matcher(k).matches()) max = Math.max(max, v);
        }
        if (active >= 0) {
            if (waiting > 0) out.append(" clients stuck waiting ,");
            if (max > 0 && active >= max) out.append(" pool full ,");
        }
        run.clear();
    }

    /** Pipe tables: each row after a header of names becomes {@code column=cell} fields. */
    private static String tables(String s) {
        String[] lines = s.split("\n", -1);
        StringBuilder out = new StringBuilder(s.length() + 64);
        String[] header = null;
        for (String line : lines) {
            // the rule under a header ("----------+------+----", psql's) parts nothing: the rows still have their names
            if (header != null && !line.isBlank() && line.chars().allMatch(c -> c == '-' || c == '+' || c == '=' || c == '|' || c == ' ')) continue;
            String[] cells = line.split("\\|", -1);
            if (cells.length >= MIN_CELLS && header != null && cells.length == header.length) {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < cells.length; i++) {
                    String c = cells[i].trim();
                    if (header[i].isEmpty() || c.isEmpty()) continue;
                    row.append(header[i]).append(c.chars().allMatch(Character::isDigit) ? "=" : " ").append(c).append(' ');
                }
                out.append(row.toString().trim()).append('\n');
                continue;
            }
            header = cells.length >= MIN_CELLS && names(cells) ? trimmed(cells) : null;
            if (header == null) out.append(line).append('\n');
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    private static boolean names(String[] cells) {
        for (String c : cells) {
            String t = c.trim();
            if (!t.isEmpty() && !t.matches("[a-z][a-z0-9_]*")) return false;
        }
        return true;
    }

    private static String[] trimmed(String[] cells) {
        String[] t = new String[cells.length];
        for (int i = 0; i < cells.length; i++) t[i] = cells[i].trim();
        return t;
    }
}
