package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Class names of errors as typed in pasted logs, read as the words they are made of. */
final class ErrorNames {
    private ErrorNames() {}

    /** A class name of an error ("Redis::TimeoutError", "ReqlRuntimeError", "OutOfMemoryError"), as typed. */
    private static final Pattern ERROR_NAME = Pattern.compile("\\b((?:[A-Z][a-z0-9]+)+)(Error|Exception|Timeout|Failure|Refused)\\b");
    private static final Pattern HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern UNSAID = Pattern.compile("\\b(?:Driver|Operational)\\b");

    /**
     * {@code text} (as typed) with each class name of an error in words: "TimeoutError" says "timeout
     * error", "ConnectionRefusedError" "connection refused error", "OutOfMemoryError" "out of memory
     * error", so the words of state and the names in it are read. A leading "No" stays on its
     * word ("NoMethodError" is no negation).
     */
    static String of(String text) {
        if (text.indexOf("Error") < 0 && text.indexOf("Exception") < 0 && text.indexOf("Timeout") < 0
                && text.indexOf("Failure") < 0 && text.indexOf("Refused") < 0) return text;
        Matcher m = ERROR_NAME.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (m.find()) {
            // "ReqlRuntimeError" says "reql runtime error": the lexicon reads "reql" as RethinkDB
            String words = HUMP.matcher(m.group(1)).replaceAll(" ").replaceFirst("^(No|Not) ", "$1");
            // a client library's "driver" is no PlaceOS driver, and "operational" in a name says no health
            words = UNSAID.matcher(words).replaceAll("").trim();
            m.appendReplacement(out, Matcher.quoteReplacement(words + " " + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
