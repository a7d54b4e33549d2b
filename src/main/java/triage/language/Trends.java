package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values written one after another on a line, read as the way they went (lower-cased text in, by
 * {@link Readouts}, before {@link Notation}):
 * <ul>
 * <li>three values or more joined by arrows, commas or bars, each perhaps after its time ("120 -> 980 -> 2400",
 *     "96, 180, 311", "0h 1.1g | 1h 1.6g | 2h 2.2g") that climb from one to the next to at least twice where they
 *     started read "climbing steadily", ten times "increased sharply": the words take the series' place, so that
 *     they are said of what the line names before it, or of the line above when the series stands alone;
 * <li>a value "and rising" ("1,840 and rising") is a level still on its way up: one clause, no "and" (nor a
 *     thousands comma) parting the trend from what it is of;
 * <li>a column of three rows or more, each a time and a value ("06:00  0.61 GB"), whose values climb to at least
 *     twice where they started (a fall after the peak, a restart's, ends the climb) is said of what the line
 *     above the column names: its words go after that line's first clause ("heap used (MB), api pods:" reads
 *     "heap used climbing steadily (MB), api pods:").
 * </ul>
 */
final class Trends {
    private Trends() {}

    /** A value (thousands written with commas, a unit of size after it), perhaps after its time ("09:00", "2h"). */
    private static final String VALUE = "(?:\\d{1,2}(?::\\d{2})?h?[ \\t]+)?(?:\\d{1,3}(?:,\\d{3})+|\\d{1,9}(?:\\.\\d{1,6})?)[ \\t]*(?:[kmgt]i?b?(?![a-z]))?";
    private static final String JOIN = "[ \\t]*(?:->|\u2192|,[ \\t]|\\|)[ \\t]*";
    private static final Pattern SERIES = Pattern.compile("(?<![\\w.,:])" + VALUE + "(?:" + JOIN + VALUE + "){2,}(?![\\w.])");
    private static final Pattern ONE = Pattern.compile(
            "(?:(\\d{1,2}(?::\\d{2})?)h?[ \\t]+)?(\\d{1,3}(?:,\\d{3})+|\\d{1,9}(?:\\.\\d{1,6})?)[ \\t]*([kmgt])?");
    private static final Pattern AND_RISING = Pattern.compile("(?<![\\w.])(\\d[\\d,.]*(?:[ \\t]*[a-z]{1,4})?)[ \\t]+and[ \\t]+(rising|climbing|growing|increasing)\\b");

    /** A row of a column: a time ("06:00", "4h", "+8h"), then a value, then anything (a note: "<- restart"). */
    private static final Pattern ROW = Pattern.compile("[ \\t]*\\+?\\d{1,2}(?::\\d{2}|h)[ \\t]+(" + "\\d{1,3}(?:,\\d{3})+|\\d{1,9}(?:\\.\\d{1,6})?)[ \\t]*([kmgt])?.*");

    static String rewrite(String s) {
        if (s.indexOf('\n') >= 0) s = columns(s);
        if (s.contains(" and ")) s = AND_RISING.matcher(s).replaceAll(r -> r.group(1).replace(",", "") + " " + r.group(2));
        if (!s.contains("->") && !s.contains(", ") && s.indexOf('|') < 0 && s.indexOf('\u2192') < 0) return s;
        Matcher m = SERIES.matcher(s);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String word = trend(m.group());
            if (word == null) continue;
            if (sb == null) sb = new StringBuilder(s.length() + 32);
            int lineStart = s.lastIndexOf('\n', m.start()) + 1;
            boolean alone = s.substring(lineStart, m.start()).isBlank() && lineStart > 0;
            if (alone) {
                // the series alone on its line: what was measured is named on the line above
                sb.append(s, last, lineStart - 1).append(' ').append(word).append('\n');
                last = m.end();
            } else {
                sb.append(s, last, m.start()).append(word);
                last = m.end();
            }
        }
        return sb == null ? s : sb.append(s, last, s.length()).toString();
    }

    /** Columns of timed values that climb, their trend said after the first clause of the line above them. */
    private static String columns(String s) {
        String[] lines = s.split("\n", -1);
        boolean changed = false;
        for (int i = 0; i < lines.length; ) {
            int end = i;
            double first = -1, prev = -1;
            for (Matcher r; end < lines.length && startsWithDigit(lines[end]) && (r = ROW.matcher(lines[end])).matches(); end++) {
                double x = Double.parseDouble(r.group(1).replace(",", "")) * scale(r.group(2));
                if (first < 0) first = x;
                else if (x < prev) break;
                prev = x;
            }
            int header = i - 1;
            while (header >= 0 && (lines[header].isBlank() || lines[header].strip().startsWith("```"))) header--;
            String word = end - i < 3 || first <= 0 ? null : prev >= 10 * first ? "increased sharply" : prev >= 2 * first ? "climbing steadily" : null;
            if (word != null && header >= 0) {
                String h = lines[header];
                int cut = firstClauseEnd(h);
                lines[header] = h.substring(0, cut) + " " + word + h.substring(cut);
                changed = true;
            }
            i = Math.max(end, i + 1);
        }
        return changed ? String.join("\n", lines) : s;
    }

    private static boolean startsWithDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '+') return c >= '0' && c <= '9';
        }
        return false;
    }

    /** Where a header's first clause ends: before its first comma, colon or opening parenthesis, else at its end. */
    private static int firstClauseEnd(String h) {
        for (int i = 0; i < h.length(); i++) if (h.charAt(i) == ',' || h.charAt(i) == ':' || h.charAt(i) == '(') return i;
        return h.length();
    }

    /** "climbing steadily" for values that never fall and end at twice their start or more, "increased sharply" at ten times. */
    private static String trend(String series) {
        Matcher v = ONE.matcher(series);
        double first = -1, prev = -1;
        int count = 0;
        boolean rising = true;
        while (v.find()) {
            double x = Double.parseDouble(v.group(2).replace(",", "")) * scale(v.group(3));
            if (first < 0) first = x;
            else if (x < prev) rising = false;
            prev = x;
            count++;
        }
        if (count < 3 || first <= 0 || !rising) return null;
        return prev >= 10 * first ? "increased sharply" : prev >= 2 * first ? "climbing steadily" : null;
    }

    private static double scale(String unit) {
        if (unit == null) return 1;
        return switch (unit.charAt(0)) {
            case 'k' -> 1e3;
            case 'm' -> 1e6;
            case 'g' -> 1e9;
            default -> 1e12;
        };
    }
}
