package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contractions written out, with or without their apostrophe: "can't" and "cant" are "can not", "isnt" is
 * "is not", and the usual misspellings too ("dosnt" is "does not").
 */
final class Contractions {
    private static final Pattern CONTRACTION = Pattern.compile(
            "\\b(can't|cant|cannot|won't|wont|ain't|dosnt|dosent|doesent|arnt|(\\w+)n't|(does|do|did|is|are|was|were|has|have|had|could|would|should)nt)\\b");

    /** Backticks that quote code inline ("`kubectl get pods`"), not the three of a code fence. */
    private static final Pattern INLINE_TICKS = Pattern.compile("(?<!`)`{1,2}(?!`)");

    private Contractions() {}

    /** Lower-cased text with its contractions expanded; curly quotes read as straight ones, inline backticks as spaces. */
    static String expand(String lower) {
        String s = lower.replace('\u2019', '\'').replace('\u2018', '\'');
        // a code fence ("```") stays: it opens or closes pasted output, no blank line that would end a table (Readouts)
        if (s.indexOf('`') >= 0) s = INLINE_TICKS.matcher(s).replaceAll(" ");
        // every contraction has an apostrophe, "nt" or "cannot": most texts have none, and skip the regex
        if (s.indexOf('\'') < 0 && !s.contains("nt") && !s.contains("cannot")) return s;
        Matcher m = CONTRACTION.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String c = m.group(1);
            m.appendReplacement(sb, c.equals("can't") || c.equals("cant") || c.equals("cannot") ? "can not"
                    : c.equals("won't") || c.equals("wont") ? "will not" : c.equals("ain't") ? "is not"
                    // the misspellings people type in a hurry
                    : c.startsWith("dos") || c.equals("doesent") ? "does not" : c.equals("arnt") ? "are not"
                    : (m.group(2) != null ? m.group(2) : m.group(3)) + " not");
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
