package triage.language;

import java.util.regex.Pattern;

/**
 * What people did, not what they saw: "I restarted the api pods", "restarted core, still broken".
 * A clause that opens with such an action (with or without "I" / "we") is left out of the
 * reading, so "restarted" is not taken for a component that restarts by itself; "the pods keep
 * restarting" and "core restarted" are observations and stay.
 */
final class Actions {
    private static final Pattern ACTION = Pattern.compile(
            "(^|[.;,!?]|\\band\\b|\\bbut\\b|\\bso\\b|\\bthen\\b)"
                    + "(\\s*(?:(?:i|we|they|someone|somebody|ops|the team)\\s+"
                    + "(?:have\\s+|'ve\\s+|had\\s+|just\\s+|already\\s+|also\\s+|then\\s+|even\\s+|tried\\s+(?:to\\s+)?)*)?"
                    + "(?:restart|reboot|redeploy|re-deploy|bounc|recycl|rolled\\s+back|roll\\s+back|rollback|kill|scaled\\s+down)"
                    + "[a-z]*\\b[^.;,!?]*)",
            Pattern.CASE_INSENSITIVE);

    private Actions() {}

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
