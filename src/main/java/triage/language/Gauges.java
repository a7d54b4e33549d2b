package triage.language;

import java.util.regex.Pattern;

/**
 * A dashboard's gauge of something working that reads zero ("rethinkdb up: 0", "auth success: 0",
 * "execute success rate: 0%", "requests received: 0/min (was 40/min)", "driver processes running: 0")
 * says that thing is not working: "rethinkdb not up", "auth not success". Only a line that is the gauge
 * alone, its name from the line's start, reads so: prose that mentions a zero keeps its words. One of
 * {@link Fields}' rewrites, on lower-cased text, linear in its length.
 */
final class Gauges {
    private Gauges() {}

    /** A gauge's name, the word of working it ends on (a rate or a count of it), and a zero with its unit. */
    private static final Pattern ZERO = Pattern.compile("(?m)^([ \\t]*[a-z][a-z0-9 _./'-]{0,60}?)[ _]"
            + "(up|running|ready|success|successes|successful|received|connected|healthy|alive|available|online|served|processed)"
            + "(?:[ _](?:rate|ratio|count|total))?[ \\t]*[:=][ \\t]*0+(?:\\.0+)?[ \\t]*(?:%|/s|/min|/m|/\\d+)?(?=[ \\t]*(?:\\(|,|$))");

    static String rewrite(String s) {
        if (s.indexOf('0') < 0 || s.indexOf(':') < 0 && s.indexOf('=') < 0) return s;
        return ZERO.matcher(s).replaceAll("$1 not $2");
    }
}
