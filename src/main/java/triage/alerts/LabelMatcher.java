package triage.alerts;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher as Prometheus and Alertmanager write them: {@code name="value"}, {@code !=},
 * {@code =~} and {@code !~}, the regular expressions anchored at both ends. A label the alert does
 * not carry matches as the empty string, as in Alertmanager.
 */
record LabelMatcher(String name, Op op, String value, Pattern regex) {
    enum Op {
        EQ("="), NE("!="), RE("=~"), NRE("!~");

        final String sign;

        Op(String sign) { this.sign = sign; }
    }

    private static final Pattern SYNTAX = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\"\\s]*)\\s*");

    LabelMatcher {
        Objects.requireNonNull(name);
        Objects.requireNonNull(op);
        Objects.requireNonNull(value);
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    static LabelMatcher parse(String text) {
        if (text == null) throw new IllegalArgumentException("a matcher is empty");
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a matcher: write name=\"value\", name!=\"value\", name=~\"regex\" or name!~\"regex\"");
        }
        String raw = m.group(3);
        String value = raw.startsWith("\"") ? raw.substring(1, raw.length() - 1).replaceAll("\\\\(.)", "$1") : raw;
        Op op = switch (m.group(2)) {
            case "=" -> Op.EQ;
            case "!=" -> Op.NE;
            case "=~" -> Op.RE;
            default -> Op.NRE;
        };
        Pattern regex = null;
        if (op == Op.RE || op == Op.NRE) {
            try {
                regex = Pattern.compile("^(?:" + value + ")$");
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + text + "': the regular expression does not compile: " + e.getDescription());
            }
        }
        return new LabelMatcher(m.group(1), op, value, regex);
    }

    boolean matches(Map<String, String> labels) {
        String v = labels.getOrDefault(name, "");
        return switch (op) {
            case EQ -> v.equals(value);
            case NE -> !v.equals(value);
            case RE -> regex.matcher(v).matches();
            case NRE -> !regex.matcher(v).matches();
        };
    }

    @Override public String toString() { return name + op.sign + "\"" + value + "\""; }
}
