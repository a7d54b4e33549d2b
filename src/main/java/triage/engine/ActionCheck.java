package triage.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static check of each rule's action: runbooks are operators' code and run inside the service,
 * so an action may not end the process, start threads or processes, touch files or sockets, or
 * reach past the language by reflection, and may not loop without a visible end. Comments and
 * string literals are not read. This is a guard against mistakes and the obvious, not a sandbox.
 */
final class ActionCheck {
    private record Forbidden(Pattern pattern, String why) {}

    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden(Pattern.compile("\\bSystem\\s*\\.\\s*(exit|halt|setProperty|getenv|setOut|setErr|setIn|load|loadLibrary)\\b"),
                    "calls System.%s, which no runbook may"),
            new Forbidden(Pattern.compile("\\bRuntime\\b"), "uses Runtime (exit, exec, halt)"),
            new Forbidden(Pattern.compile("\\b(Thread|ThreadGroup|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer)\\b"),
                    "starts or manages threads (%s)"),
            new Forbidden(Pattern.compile("\\b(ProcessBuilder|Process|ProcessHandle)\\b"), "starts processes (%s)"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*(io|nio|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke)\\b"),
                    "reaches java.%s (files, sockets, reflection)"),
            new Forbidden(Pattern.compile("\\b(Files?|Paths?|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile"
                    + "|Socket|ServerSocket|DatagramSocket|URL|URLConnection|HttpClient|InetAddress)\\b"),
                    "touches files or the network (%s)"),
            new Forbidden(Pattern.compile("\\b(Class\\s*\\.\\s*forName|getDeclared\\w*|setAccessible|getMethod|getField|ClassLoader|MethodHandles?)\\b"),
                    "uses reflection (%s)"),
            new Forbidden(Pattern.compile("\\bwhile\\s*\\(\\s*true\\s*\\)|\\bfor\\s*\\(\\s*[^;()]*;\\s*;"),
                    "loops without an end (%s)"),
            // Drools turns truth maintenance on per type at a type's first logical insert, for every
            // session at once; the engine turns it on up front for these two (TruthMaintenance)
            new Forbidden(Pattern.compile("\\binsertLogical\\s*\\(\\s*(?!(?:new\\s+)?(?:"
                    + String.join("|", TruthMaintenance.TYPE_NAMES) + ")\\s*[.(])(?:new\\s+)?([\\w.$]+)"),
                    "inserts logically what is none of " + String.join(", ", TruthMaintenance.TYPE_NAMES) + " (%s)"));

    private static final Pattern THEN = Pattern.compile("\\bthen\\b");

    private ActionCheck() {}

    /** What is wrong with {@code rule}'s action, each at the file and line of the call. */
    static List<Problem> check(RuleInfo rule) {
        String text = blankCommentsAndStrings(rule.text());
        Matcher then = THEN.matcher(text);
        if (!then.find()) return List.of();
        List<Problem> out = new ArrayList<>();
        for (Forbidden f : FORBIDDEN) {
            Matcher m = f.pattern().matcher(text);
            m.region(then.end(), text.length());
            if (!m.find()) continue;
            int line = rule.ref().line() + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            String what = m.groupCount() > 0 && m.group(1) != null ? m.group(1).replaceAll("\\s", "") : m.group().strip();
            out.add(new Problem(rule.ref().file(), line, 0, "rule '" + rule.name() + "': its action " + f.why().formatted(what)));
        }
        return out;
    }

    /** {@code text} with comments and string literals replaced by spaces (line breaks kept, so lines still count). */
    static String blankCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') { out.append(' '); i++; }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) out.append(text.charAt(i) == '\n' ? '\n' : ' ');
            } else if (c == '"' || c == '\'') {
                out.append(' ');
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n) { out.append(' '); i++; }
                    out.append(' ');
                    i++;
                }
                if (i < n) { out.append(text.charAt(i) == '\n' ? '\n' : ' '); i++; }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
