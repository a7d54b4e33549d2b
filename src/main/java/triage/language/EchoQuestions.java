package triage.language;

import java.util.regex.Pattern;

/**
 * A question echoed and answered in one breath ("heap? yes, it rises every hour", "core pod? it keeps
 * restarting"): the name asked about is what the answer speaks of, not a question left open. The
 * name (one or two words opening a sentence) is joined to what follows the "yes", or to an answer that opens on
 * "it"/"they", which says how it is. A "no" is left alone: "redis? no, the etcd members are down" answers with
 * another name. A "no" that opens a message right before its own denial ("no not db", "nope it is not the db") answers the
 * question asked and denies nothing itself: it is parted from the denial by a comma, so the two do not cancel.
 */
final class EchoQuestions {
    private EchoQuestions() {}

    /** A sentence of one or two words and a "?", then a yes or "it"/"they" and the answer's own words (lower case, contractions expanded). */
    private static final Pattern ECHO = Pattern.compile("(^|[.!\\n]\\s*)([a-z][\\w-]*(?: [a-z][\\w-]*)?)\\?\\s*"
            + "(?:(?:yes|yep|yeah|yup)\\s*[,:;-]+\\s*(?=[a-z0-9])|(?=(?:it|its|they)\\b))");

    /** A leading "no" right before a denial of its own. */
    private static final Pattern NO_THEN_DENIAL = Pattern.compile("^(\\s*(?:no|nope|nah))\\s+(?=(?:not|it is not|it s not|that is not|is not)\\b)");

    static String rewrite(String s) {
        if (s.startsWith("n") || s.startsWith(" ")) s = NO_THEN_DENIAL.matcher(s).replaceFirst("$1, ");
        return s.indexOf('?') < 0 ? s : ECHO.matcher(s).replaceAll("$1$2 - ");
    }
}
