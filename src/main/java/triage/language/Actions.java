package triage.language;

import java.util.regex.Pattern;

/**
 * What people did, not what they saw: "I restarted the api pods", "restarted core, still broken".
 * A clause that opens with such an action (said with "I" / "we", or a bare past tense) is left
 * out of the reading, so "restarted" is not taken for a component that restarts by itself; "the pods keep
 * restarting" and "core restarted" are observations and stay.
 */
final class Actions {
    private static final String VERB = "(?:restart|reboot|redeploy|re-deploy|bounc|recycl|roll(?:ed)?\\s+back|rollback|kill|scal(?:e|ed)\\s+down)";
    /** "I restarted ...", "we have just bounced ...", "tried restarting ...", or a bare past "restarted ...". */
    private static final Pattern ACTION = Pattern.compile(
            "(^|[.;,!?]|\\band\\b|\\bbut\\b|\\bso\\b|\\bthen\\b)(\\s*(?:"
                    + "(?:i|we|they|someone|somebody|ops|the team)\\s+(?:have\\s+|'ve\\s+|had\\s+|just\\s+|already\\s+"
                    + "|also\\s+|then\\s+|even\\s+|tried\\s+(?:to\\s+)?)*" + VERB + "[a-z]*"
                    + "|(?:just\\s+|already\\s+|also\\s+)?(?:tried\\s+(?:to\\s+)?" + VERB + "[a-z]*|" + VERB + "ed)"
                    + ")\\b(?:(?!\\b(?:and|but|so|then)\\b)[^.;,!?])*)",
            Pattern.CASE_INSENSITIVE);

    /**
     * A clause that only reports adding capacity ("added 6 pods", "so we doubled the pods", "scaled web
     * pods from 4 to 12"): what was done, with nothing of how it went.
     */
    private static final Pattern SCALING = Pattern.compile(
            "^(?:(?:so|then|and)\\s+)?(?:(?:i|we|they|ops|someone)\\s+(?:have\\s+|just\\s+|already\\s+|also\\s+|then\\s+)*)?"
            + "(?:added|add|doubled|tripled|scaled(?:\\s+up|\\s+out)?|bumped(?:\\s+up)?|increased|raised)\\s+(?:the\\s+|our\\s+)?"
            + "(?:\\d+\\s+|more\\s+|extra\\s+|another\\s+\\d*\\s*)?(?:web\\s+|app\\s+|api\\s+|daphne\\s+)?"
            + "(?:pods?|workers?|replicas?|instances?|nodes?|servers?)(?:\\s+from\\s+\\d+\\s+to\\s+\\d+)?[.!]?$",
            Pattern.CASE_INSENSITIVE);

    private Actions() {}

    /** Whether {@code clause} only reports adding capacity, nothing of how it went. */
    static boolean scalingOnly(String clause) {
        return SCALING.matcher(clause.strip()).matches();
    }

    /** {@code text} with every clause that reports an action replaced by a clause break. */
    static String strip(String text) {
        if (text == null || text.isEmpty()) return text;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (!lower.contains("restart") && !lower.contains("reboot") && !lower.contains("deploy") && !lower.contains("bounc")
                && !lower.contains("recycl") && !lower.contains("roll") && !lower.contains("kill") && !lower.contains("scaled")) {
            return text;
        }
        return ACTION.matcher(text).replaceAll(m -> m.group(1) + " ;");
    }
}
