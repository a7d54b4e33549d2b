package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pasted shell command lines whose command says something an expert reads before its output (lower-cased
 * text in, linear in its length; before {@code Readouts}):
 * <ul>
 * <li>a command run inside a container ({@code kubectl exec ... --}, {@code docker exec}) reaches its
 *     service from inside, around the load balancer: "exec" there is no execute of a PlaceOS module,
 *     it reads "from inside the container" ({@code kubectl -n placeos exec deploy/api -- curl ...}
 *     then {@code 200}: the service answers when reached directly);
 * <li>a service's log counted ({@code kubectl logs deploy/api | wc -l}, {@code docker logs api | grep -c
 *     POST}) and the count on the next line: zero is an empty log ("the logs are empty": nothing
 *     arrived), more than zero of requests grepped for ("POST", "GET", a path) is requests in the log.
 * <li>an access log's record as JSON is its request and its answer ({@code {"path":"/auth/signin",
 *     "status":500}} reads "request /auth/signin answered 500");
 * <li>an HTTP status written as a record's field ({@code "status":500}, nginx's "upstream status 502") is
 *     an HTTP code ("http 500"), not the status of a room that PlaceOS reports;
 * <li>a crontab's line ({@code 0 12 * * * /opt/bin/rebuild_index.sh}) is a job and the hour it runs in: "cron job runs in
 *     the 12:00 hour", its time read as any other (a working hour is the peak's); its command's words ("rebuild_search")
 *     say nothing of the search;
 * <li>an output template ({@code -o jsonpath='{.status.loadBalancer.ingress[0].ip}'}, {@code --template}) is
 *     how the output is printed, nothing said: its "status" no room's, its "[0]" no count of none.
 * </ul>
 */
final class Commands {
    private Commands() {}

    /** "exec" of a container runtime, with the flags and the target before the command it runs. */
    private static final Pattern EXEC = Pattern.compile(
            "(\\b(?:kubectl|docker|podman|oc|nerdctl|crictl)\\b[^\\n|]{0,200}?)\\bexec\\b(?=[^\\n]{0,300}\\b(?:curl|wget|http|nc|redis-cli|psql)\\b)");
    /** A command that counts the lines of a log, and the count on the line after it. */
    private static final Pattern LOG_COUNT = Pattern.compile(
            "(?m)^([^\\n]{0,300}\\blogs?\\b[^\\n]{0,300}?(?:\\|\\s*wc -l|\\bgrep\\b[^\\n]{0,20}?-c\\b|\\bgrep -\\w*c\\w*\\b)([^\\n]{0,200}))\\n[ \\t]*(\\d{1,9})[ \\t]*$");
    /** What a grep of a log searched for that is a request. */
    private static final Pattern REQUEST = Pattern.compile("\\b(?:get|post|put|delete|patch)\\b|/");

    /** The names a log record gives its HTTP status. */
    private static final String STATUS_FIELD = "(?:status|status_code|statuscode|http_status)";
    /** An HTTP status written as a record's field ("status":500, upstream status 502): a code, no PlaceOS status. */
    private static final Pattern HTTP_STATUS = Pattern.compile("\"?\\b" + STATUS_FIELD + "\"?(\\s?[:=]\\s?\"?|\\s)([1-5]\\d\\d)\\b");

    /** An access log's record as JSON: the path requested and the status it got, fields apart. */
    private static final Pattern RECORD_PATH = Pattern.compile("\"(?:path|uri|url|request|request_uri)\"\\s?:\\s?\"([^\"\\n]{1,200})\"");
    private static final Pattern RECORD_STATUS = Pattern.compile("\"" + STATUS_FIELD + "\"\\s?:\\s?\"?([1-5]\\d\\d)\\b");

    /** An output template of kubectl (or oc, helm): jsonpath, go-template, custom-columns, quoted or not. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "(?:-o|--output)[ =]?(?:jsonpath|go-template|custom-columns)=(?:'[^'\\n]{0,500}'|\"[^\"\\n]{0,500}\"|\\S{1,500})|--template[ =](?:'[^'\\n]{0,500}'|\"[^\"\\n]{0,500}\"|\\S{1,500})");

    /** A crontab's line: minute and hour as numbers, then day, month and weekday, then the command (up to a comment). */
    private static final Pattern CRON = Pattern.compile(
            "(?m)^[ \\t]*(\\d{1,2})[ \\t]+(\\d{1,2})[ \\t]+(?:[\\d*/,-]{1,20}[ \\t]+){3}\\S[^\\n#]{0,1000}");

    static String rewrite(String lower) {
        String s = lower;
        if (s.contains("jsonpath") || s.contains("template") || s.contains("custom-columns")) s = TEMPLATE.matcher(s).replaceAll(" ");
        if (s.contains("\"status") && s.contains("{")) s = records(s);
        if (s.contains("status")) s = HTTP_STATUS.matcher(s).replaceAll("http$1$2");
        if (endsWord(s, "exec")) s = EXEC.matcher(s).replaceAll("$1from inside the container");
        if (s.contains("log") && s.indexOf('\n') >= 0) s = logCounts(s);
        if (s.contains("* *")) s = CRON.matcher(s).replaceAll(r -> String.format("cron job runs in the %02d:00 hour ", Integer.parseInt(r.group(2))));
        return s;
    }

    /** Whether {@code w} occurs in {@code s} with no letter, digit or underscore after it ("execute" is no "exec"). */
    private static boolean endsWord(String s, String w) {
        for (int i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
            int after = i + w.length();
            if (after == s.length()) return true;
            char c = s.charAt(after);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) return true;
        }
        return false;
    }

    /** Each line that is an access log's JSON record read as its request and answer: "/auth/signin 500". */
    private static String records(String s) {
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher path = RECORD_PATH.matcher(lines[i]), status = RECORD_STATUS.matcher(lines[i]);
            if (path.find() && status.find()) lines[i] = "request " + path.group(1) + " answered " + status.group(1);
        }
        return String.join("\n", lines);
    }

    private static String logCounts(String s) {
        Matcher m = LOG_COUNT.matcher(s);
        StringBuilder sb = new StringBuilder(s.length() + 32);
        while (m.find()) {
            long count = Long.parseLong(m.group(3));
            String read = count == 0 ? "the logs are empty"
                    : REQUEST.matcher(m.group(2)).find() ? "requests show up in the logs" : m.group(3);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "\n" + read));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
