package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web server's access log line ({@code "GET /api/slots/?pool=3 HTTP/1.1" 200 512}), lower-cased: the
 * request's query is its parameters, no words said ("pool=3" is no connection pool), and a 2xx status says one
 * request was served, no word of health for what the text reports ("the log is nothing but this line, thousands
 * a minute" is a flood, not a flood denied by its "200"). A status of failure stays: "POST /auth/login
 * HTTP/1.1" 500 is a login failing. A verbose curl's exchange ({@code > POST /auth/login HTTP/1.1}, its headers,
 * then {@code < HTTP/1.1 500 Internal Server Error}) is one line: the status is the request's, however many header
 * lines part them. Linear in the text, and skipped when it holds no "http/".
 */
final class AccessLogs {
    private AccessLogs() {}

    private static final Pattern REQUEST = Pattern.compile(
            "(\"(?:get|post|put|patch|delete|head|options) [^\"?\\s]{0,2000})(?:\\?[^\"\\s]{0,2000})?( http/\\d(?:\\.\\d)?\")(?:[ \\t]+(2\\d\\d)(?=[ \\t]|$))?",
            Pattern.MULTILINE);

    /** A request curl -v sent, the header lines it sent after it, and the status line it got back. */
    private static final Pattern EXCHANGE = Pattern.compile(
            "^> ((?:get|post|put|patch|delete|head|options) [^\\s]{1,2000} http/\\d(?:\\.\\d)?)[ \\t]*\\n(?:>[^\\n]{0,2000}\\n){0,40}< (http/\\d(?:\\.\\d)? \\d{3}\\b)",
            Pattern.MULTILINE);

    static String rewrite(String s) {
        if (!s.contains("http/")) return s;
        if (s.contains("\n> ") || s.startsWith("> ")) s = EXCHANGE.matcher(s).replaceAll("$1 $2");
        Matcher m = REQUEST.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2)));
        m.appendTail(out);
        return out.toString();
    }
}
