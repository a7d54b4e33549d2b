package triage.language;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a pasted text and the runs of rows in them, as {@link Readouts} and {@link Shares} read
 * them: lines in a row that each match one row pattern ("198.51.100.23  1,204,881", "09:10 1.71 gb",
 * "481223 185.220.101.34"), read as a whole onto the line above, which names what they measure.
 * The text is not split: a line is tried against the pattern only when its first character after
 * blanks can open a row: a text with no such line is looked at character by character, no regex run.
 */
final class Rows {
    /** What a run of rows reads as: words for the line above it, or null for none. */
    interface Reading {
        String of(List<MatchResult> rows);
    }

    private final String text;
    /** Where each line starts, and where the last one ends plus one (an extra entry). */
    private final int[] starts;
    /** Words added at the end of a line, and lines written anew; null where none. */
    private String[] added, rewritten;

    Rows(String text) {
        this.text = text;
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
        starts = new int[n + 1];
        for (int line = 1, i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
        starts[n] = text.length() + 1;
    }

    /** How many lines the text has. */
    private int lines() { return starts.length - 1; }

    private int end(int line) { return starts[line + 1] - 1; }

    /**
     * Reads the runs of lines matching {@code row} whole: the longest runs of such lines from line {@code from} on,
     * each with a line above it (a run from the first line has none and is not read); {@code opens} says which
     * characters can start a row (after blanks). A run that {@code reading} reads has its words added to the
     * line above it, and each of its rows written as {@code rowAs} gives (null: as it is).
     */
    Rows runs(Pattern row, IntPredicate opens, int from, Reading reading, Function<MatchResult, String> rowAs) {
        Matcher m = row.matcher(text);
        List<MatchResult> run = new ArrayList<>();
        int first = -1;
        for (int line = from; line <= lines(); line++) {
            if (line < lines() && opens(line, opens) && m.region(starts[line], end(line)).matches()) {
                if (run.isEmpty()) first = line;
                run.add(m.toMatchResult());
                continue;
            }
            if (run.isEmpty()) continue;
            if (first > 0) read(first, run, reading, rowAs);
            run.clear();
        }
        return this;
    }

    private void read(int first, List<MatchResult> run, Reading reading, Function<MatchResult, String> rowAs) {
        // the line that names what the rows measure: the one above them, past blank lines and a code fence
        int header = first - 1;
        while (header > 0 && (blank(header) || text.startsWith("```", firstChar(header)))) header--;
        String words = reading.of(run);
        if (words == null) return;
        if (added == null) added = new String[lines()];
        added[header] = words;
        if (rowAs == null) return;
        if (rewritten == null) rewritten = new String[lines()];
        for (int i = 0; i < run.size(); i++) rewritten[first + i] = rowAs.apply(run.get(i));
    }

    /** Whether line {@code line}'s first character after blanks is one {@code opens} allows. */
    private boolean opens(int line, IntPredicate opens) {
        for (int i = starts[line], end = end(line); i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') return opens.test(c);
        }
        return false;
    }

    private int firstChar(int line) {
        int i = starts[line];
        while (i < end(line) && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return i;
    }

    private boolean blank(int line) { return firstChar(line) == end(line); }

    /**
     * The text with what the runs read: the same string when they read nothing. A run's words go after the
     * first clause of the line that names it ("container memory (MB), parts service:" reads "container memory
     * climbing steadily (MB), parts service:"), so that they are said of what it names.
     */
    String text() {
        if (added == null) return text;
        StringBuilder sb = new StringBuilder(text.length() + 64);
        for (int line = 0; line < lines(); line++) {
            if (line > 0) sb.append('\n');
            String l = rewritten != null && rewritten[line] != null ? rewritten[line] : text.substring(starts[line], end(line));
            int cut = added[line] == null ? l.length() : firstClauseEnd(l);
            sb.append(l, 0, cut);
            if (added[line] != null) sb.append(added[line]);
            sb.append(l, cut, l.length());
        }
        return sb.toString();
    }

    /**
     * Where a line's first clause ends: before its first comma, colon, opening parenthesis or brace (a metric's labels)
     * when more follows, else at its end. A colon after one word only ("Prometheus: container_memory_bytes") names the
     * tool the rows came from, not what they measure: the clause goes on past it.
     */
    private static int firstClauseEnd(String line) {
        boolean toolPassed = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == ',' || c == ':' || c == '(' || c == '{') && !line.substring(i + 1).isBlank()) {
                if (c == ':' && !toolPassed && line.substring(0, i).strip().indexOf(' ') < 0) {
                    toolPassed = true;
                    continue;
                }
                return i;
            }
        }
        return line.length();
    }
}
