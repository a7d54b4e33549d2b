package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values written one after another on a line, read as the way they went (lower-cased text in, by
 * {@link Readouts}, before {@link Notation}):
 * <ul>
 * <li>three values or more joined by arrows, commas or bars, each perhaps after its time ("120 -> 980 -> 2400",
 *     "96, 180, 311", "0h 1.1g | 1h 1.6g | 2h 2.2g"), or each after its time of day with column gaps between
 *     ("00:00 0.6g  06:00 1.4g  12:00 2.2g"), that climb from one to the next to at least twice where they
 *     started read "climbing steadily", ten times "increased sharply": the words take the series' place, so that
 *     they are said of what the line names before it, or of the line above when the series stands alone;
 * <li>a memory's size given twice, a later one at least twice the first ("mem 200mb after deploy, 3gb next day", "heap
 *     was 400MB, now 2.1GB"), reads "climbing steadily" (ten times: "increased sharply") where the first stood, the
 *     second dropped and the words between kept without their commas: one clause of the memory;
 * <li>a value "and rising" ("1,840 and rising") is a level still on its way up: one clause, no "and" (nor a
 *     thousands comma) parting the trend from what it is of.
 * </ul>
 * (A column of timed values, a row per line, is {@link Readouts}' to read.)
 */
final class Trends {
    private Trends() {}

    /** A value (thousands written with commas, a unit of size after it), perhaps after its time ("09:00", "2h"). */
    private static final String VALUE = "(?:\\d{1,2}(?::\\d{2})?h?[ \\t]+)?(?:\\d{1,3}(?:,\\d{3})+|\\d{1,9}(?:\\.\\d{1,6})?)[ \\t]*(?:[kmgt]i?b?(?![a-z]))?";
    private static final String JOIN = "[ \\t]*(?:->|\u2192|,[ \\t]|\\|)[ \\t]*";
    private static final Pattern SERIES = Pattern.compile("(?<![\\w.,:])" + VALUE + "(?:" + JOIN + VALUE + "){2,}(?![\\w.])");
    /** Timed values set apart by column gaps on one line ("00:00 0.6g  06:00 1.4g  12:00 2.2g"): each with its time. */
    private static final String TIMED_VALUE = "\\d{1,2}:\\d{2}[ \\t]+(?:\\d{1,3}(?:,\\d{3})+|\\d{1,9}(?:\\.\\d{1,6})?)[ \\t]*(?:[kmgt]i?b?(?![a-z]))?";
    private static final Pattern TIMED_SERIES = Pattern.compile(
            "(?<![\\w.,:])" + TIMED_VALUE + "(?:[ \\t]{2,}" + TIMED_VALUE + "){2,}(?![\\w.])");
    private static final Pattern ONE = Pattern.compile(
            "(?:(\\d{1,2}(?::\\d{2})?)h?[ \\t]+)?(\\d{1,3}(?:,\\d{3})+|\\d{1,9}(?:\\.\\d{1,6})?)[ \\t]*([kmgt])?");
    private static final Pattern AND_RISING = Pattern.compile("(?<![\\w.])(\\d[\\d,.]*(?:[ \\t]*[a-z]{1,4})?)[ \\t]+and[ \\t]+(rising|climbing|growing|increasing)\\b");

    /** A memory named, its size, a few words without a number, and a later size. */
    private static final Pattern TWO_SIZES = Pattern.compile(
            "(\\b(?:mem|memory|heap|rss|ram|resident)\\b[^\\d\\n]{0,20}?)(\\d{1,6}(?:\\.\\d{1,3})?)[ \\t]?([kmgt])i?b?\\b([^\\d\\n]{1,40}?)(\\d{1,6}(?:\\.\\d{1,3})?)[ \\t]?([kmgt])i?b?\\b");

    /** Words between two sizes that make the second the first's bound, not a later size ("2gb free of 16gb", "1gb, limit 4gb"). */
    private static final Pattern BOUND = Pattern.compile(
            "\\b(?:of|limit|limits|max|maximum|total|cap|capacity|available|free|allocated|request|requests|requested|quota|out)\\b|/");

    static String rewrite(String s) {
        if (s.contains(" and ")) s = AND_RISING.matcher(s).replaceAll(r -> r.group(1).replace(",", "") + " " + r.group(2));
        if (s.contains("->") || s.contains(", ") || s.indexOf('|') >= 0 || s.indexOf('\u2192') >= 0) s = read(s, SERIES);
        if (s.contains("  ") && s.indexOf(':') >= 0) s = read(s, TIMED_SERIES);
        if (s.contains("mem") || s.contains("heap") || s.contains("rss") || s.contains("ram") || s.contains("resident")) s = twoSizes(s);
        return s;
    }

    /** {@code s} with each series {@code series} finds that climbs read as the way it went. */
    private static String read(String s, Pattern series) {
        Matcher m = series.matcher(s);
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

    /** A memory's size and a later one: the way it went, said once, where the first stood. */
    private static String twoSizes(String s) {
        Matcher m = TWO_SIZES.matcher(s);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String way = climb(Double.parseDouble(m.group(2)) * scale(m.group(3)), Double.parseDouble(m.group(5)) * scale(m.group(6)));
            if (way == null || BOUND.matcher(m.group(4)).find()) continue;
            if (sb == null) sb = new StringBuilder(s.length() + 16);
            sb.append(s, last, m.start()).append(m.group(1)).append(way).append(m.group(4).replace(',', ' '));
            last = m.end();
        }
        return sb == null ? s : sb.append(s, last, s.length()).toString();
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
        return count < 3 || !rising ? null : climb(first, prev);
    }

    /**
     * The words for a value that went from {@code first} to {@code last} on its way up: "climbing steadily" at twice
     * its start or more, "increased sharply" at ten times; null below that, or from nothing.
     */
    static String climb(double first, double last) {
        if (first <= 0) return null;
        return last >= 10 * first ? "increased sharply" : last >= 2 * first ? "climbing steadily" : null;
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
