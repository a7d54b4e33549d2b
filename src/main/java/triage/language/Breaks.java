package triage.language;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Breaks that are no punctuation mark: lines and dashes. A line of pasted output or of a list is
 * a clause ({@code ","}): a state or a number on one line does not reach the next line's phrase
 * ("s3 p99 fast" then "queue: growing"). The lines of one record stay one line: a command line and
 * the first line of its output ("$ etcdctl endpoint health" then "... is unhealthy"), and a line of
 * a record's fields ("server: nginx", {@code "status" : "red"}) and the line above it, and a line that
 * opens on what the line above said ("that's the staging server"). A dash with a space on each side, an en
 * dash or an em dash ends the reach of a negation before it, parting clauses as a colon does ("it's not
 * etcd - its members are healthy"); elsewhere it joins ("connection refused - connect(2) for redis"). An
 * opening parenthesis after a negation does the same ("not the queue (steady)"); elsewhere it joins ("pool (20/20)").
 * A colon before a network error's tail chains the error to what it befell ("dial tcp
 * 10.0.3.7:2379: connect: connection refused" is one clause: the dial was refused), unless the line
 * already said what went wrong before it ("could not connect to redis at ...: no route to host").
 * Reads the lower-cased text around {@code i} only as far as its line's ends.
 */
final class Breaks {
    private Breaks() {}

    /** Programs whose command line names what its output is about. */
    private static final Set<String> COMMANDS = Set.of("kubectl", "curl", "dig", "nslookup", "host", "etcdctl", "docker",
            "aws", "redis-cli", "psql", "mysql", "celery", "top", "ps", "systemctl", "journalctl", "helm", "gcloud", "az",
            "traceroute", "mtr", "ping", "tail", "cat", "grep", "wget", "http", "openssl", "df", "free", "pgbouncer=#");
    /** A line that is a field of a record: a name, a colon or an equals sign, a value. */
    private static final Pattern FIELD_LINE = Pattern.compile("[\\s{\\[,<>]*\"?[a-z][\\w.-]*\"?\\s?[:=](?:\\s|$).*");

    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|no|never|nothing|none|nobody|neither|nor|without)\\b");
    /** A line of a code fence alone. */
    private static final Pattern FENCE = Pattern.compile("\\s*```\\w*\\s*");
    /** A line that opens on what the line above said ("that's the staging server"): one clause with it. */
    private static final Pattern REFERS_BACK = Pattern.compile("\\s*(?:that|this|which|these|those|it)\\b.*");

    /** The tail of a network error in a chain of "what: why" ("dial tcp 10.0.3.7:2379: connect: connection refused"). */
    private static final Pattern ERROR_TAIL = Pattern.compile("\\s*(?:connect:\\s*)?(?:connection (?:refused|reset|timed out)|"
            + "i/o timeout|no such host|no route to host|network is unreachable|context deadline exceeded|broken pipe|"
            + "operation timed out)\\b");

    private static final Pattern FAULT_BEFORE = Pattern.compile(
            "\\b(?:not|no|never|cannot|unable|could ?n[o']?t|fail\\w*|error\\w*|refused|timeout|timed out)\\b");

    /**
     * Whether the colon at {@code i} chains an error to what it befell: in "dial tcp 10.0.3.7:2379:
     * connect: connection refused" the refusal is the dial's, so no colon before the tail parts clauses.
     */
    static boolean chained(String s, int i) {
        if (!ERROR_TAIL.matcher(s).region(i + 1, s.length()).lookingAt()) return false;
        // a part that already says what went wrong ("could not connect to redis at ...: no route to host")
        // keeps the tail apart: joined, its "no" would turn the "not" back. The part starts after the
        // line's previous colon and space ("failed to register: dial tcp ...: connect: ..." chains the dial)
        int from = Math.max(s.lastIndexOf('\n', i), s.lastIndexOf(": ", i - 1) + 1) + 1;
        return !FAULT_BEFORE.matcher(s).region(Math.min(from, i), i).find();
    }

    /**
     * Words shortened with a full stop that no sentence ends on ("all endpoints incl. login fail"); not "etc."
     * nor "max.", which often do ("pool at max. db fine").
     */
    private static final Set<String> ABBREVIATIONS = Set.of("incl", "excl", "approx", "vs", "esp", "eg", "ie", "aka");

    /** Whether the full stop at {@code i} of the lower-cased {@code s} only shortens such a word, a word following it. */
    static boolean abbreviated(String s, int i) {
        int from = i;
        while (from > 0 && Character.isLetter(s.charAt(from - 1))) from--;
        if (from == i || !ABBREVIATIONS.contains(s.substring(from, i))) return false;
        int next = i + 1;
        while (next < s.length() && s.charAt(next) == ' ') next++;
        return next > i + 1 && next < s.length() && Character.isLetterOrDigit(s.charAt(next));
    }

    /** The break that the character at {@code i} of {@code s} makes, or null. */
    static String at(String s, int i) {
        char c = s.charAt(i);
        if (c == '\n') return joined(s, i) ? null : ",";
        // a dash or an opening parenthesis after a negation ends its reach: "not the db (quiet)" rules
        // the database out, and what the parenthesis says is the speaker's evidence, not negated
        return (dash(s, i) || c == '(') && negated(s, i) ? ":" : null;
    }

    /** A line that runs a tool whose output follows ("$ kubectl get nodes", "etcdctl endpoint health"). */
    private static final Pattern COMMAND_LINE = Pattern.compile("(?m)^[ \\t]*(?:\\$[ \\t]*|[\\w@.:~/-]*[$#>][ \\t]+)?"
            + "(?:kubectl|curl|dig|nslookup|etcdctl|docker|aws|redis-cli|psql|mysql|systemctl|journalctl|helm|gcloud|traceroute)[ \\t]");

    /** Whether {@code text} pastes a tool's output: a code fence, or a command line with lines after it. */
    static boolean pasted(String text) {
        return text.contains("```") || text.indexOf('\n') >= 0 && COMMAND_LINE.matcher(text).find();
    }

    /** Whether the line break at {@code i} joins the lines of one record. */
    private static boolean joined(String s, int i) {
        int start = s.lastIndexOf('\n', i - 1) + 1, end = s.indexOf('\n', i + 1);
        String before = s.substring(start, i).strip(), after = s.substring(i + 1, end < 0 ? s.length() : end);
        // a code fence between a paste and what is said of it parts nothing: "```\nthat's what every execute says"
        if (FENCE.matcher(after).matches() && end >= 0) {
            int next = s.indexOf('\n', end + 1);
            if (REFERS_BACK.matcher(s.substring(end + 1, next < 0 ? s.length() : next)).matches()) return true;
        }
        if (FENCE.matcher(before).matches() && REFERS_BACK.matcher(after).matches()) return true;
        String[] words = before.split("\\s+", 3);
        // a prompt ("$", "C:\\>", "pgbouncer=#") before the command
        String first = words[0].endsWith("$") || words[0].endsWith(">") || words[0].endsWith("#")
                ? (words.length > 1 ? words[1] : "") : words[0];
        return words[0].equals("$") || COMMANDS.contains(first) || FIELD_LINE.matcher(after).matches()
                || REFERS_BACK.matcher(after).matches();
    }

    /**
     * Whether the parenthesis at {@code i} opens the speaker's evidence after a negation ("db not busy (cpu 15%,
     * no disk queue)"): its commas part its facts, where an aside's commas list items of one clause.
     */
    static boolean evidence(String s, int i) { return s.charAt(i) == '(' && negated(s, i); }

    /** Whether the clause before {@code i} holds a negation: a dash ends its reach ("connection refused - connect(2) ..." stays one). */
    private static boolean negated(String s, int i) {
        int from = i;
        while (from > 0 && ",.;:!?\n".indexOf(s.charAt(from - 1)) < 0) from--;
        return NEGATION.matcher(s).region(from, i).find();
    }

    /** Whether a dash starts at {@code i}: an en or em dash, or hyphens with a space (or the text's end) on both sides. */
    private static boolean dash(String s, int i) {
        char c = s.charAt(i);
        if (c == '\u2013' || c == '\u2014') return true;
        if (c != '-' || i > 0 && s.charAt(i - 1) != ' ') return false;
        int j = i;
        while (j < s.length() && s.charAt(j) == '-') j++;
        return j == s.length() || Character.isWhitespace(s.charAt(j));
    }
}
