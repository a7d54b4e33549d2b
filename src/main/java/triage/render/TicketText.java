package triage.render;

import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.ProbeResult;
import triage.model.RuleRef;

import java.util.List;
import java.util.Locale;

/**
 * A diagnosis as a ticket comment, in markdown or plain text: the likely cause and its confidence,
 * why (what it rests on), the remedy when the runbook has one, the next check, the other suspects
 * and the rules behind the conclusion (file:line). Text a person wrote is escaped in markdown, so a
 * ticket's summary cannot turn into links or headings in the comment.
 */
public final class TicketText {
    /** The two forms: markdown (GitHub, GitLab, Jira Cloud's markdown field) and plain text (Jira wiki, ServiceNow work notes). */
    public enum Style { MARKDOWN, PLAIN }

    private TicketText() {}

    /**
     * @param probes what the live checks found, or null when none were asked for
     */
    public static String render(Diagnosis d, List<ProbeResult> probes, Style style) {
        boolean md = style == Style.MARKDOWN;
        StringBuilder sb = new StringBuilder();
        Cause top = d.top();
        if (top == null) {
            sb.append(md ? "**Triage: no likely cause yet.** " : "Triage: no likely cause yet. ")
                    .append("Nothing said points at a component.\n");
        } else {
            sb.append(md ? "**Triage: likely cause: " + esc(top.title(), true) + "** (confidence " + fmt(top.confidence()) + ")\n"
                    : "Triage: likely cause: " + top.title() + " (confidence " + fmt(top.confidence()) + ")\n");
            sb.append('\n');
            line(sb, md, "Why", top.because().isEmpty() ? "-" : String.join("; ", top.because()));
            if (top.role() != null) sb.append(md ? esc(top.role(), true) : top.role()).append('\n');
            if (top.nextStep() != null) line(sb, md, "Remedy", top.nextStep());
        }
        if (!d.nextChecks().isEmpty()) {
            Check c = d.nextChecks().get(0);
            line(sb, md, "Next check", c.question() + " How: " + c.how());
        }
        if (top != null && d.causes().size() > 1) {
            List<String> others = d.causes().subList(1, d.causes().size()).stream()
                    .map(c -> c.title() + " (" + fmt(c.confidence()) + ")").toList();
            line(sb, md, "Also possible", String.join("; ", others));
        }
        if (!d.ruledOut().isEmpty()) {
            List<String> out = d.ruledOut().stream()
                    .map(c -> c.title() + (c.against().isEmpty() ? "" : ", because " + String.join(", ", c.against()))).toList();
            line(sb, md, "Ruled out", String.join("; ", out));
        }
        if (probes != null && !probes.isEmpty()) {
            List<String> found = probes.stream().map(p -> p.component() + " " + p.status().wire()
                    + (p.detail().isEmpty() ? "" : " (" + p.detail() + ")") + (p.counted() ? "" : " [not counted]")).toList();
            line(sb, md, "Live checks", String.join("; ", found));
        }
        if (!d.unrecognized().isEmpty()) {
            line(sb, md, "Not understood", String.join("; ", d.unrecognized().stream().map(t -> "\"" + t + "\"").toList()));
        }
        if (top != null && !top.rules().isEmpty()) {
            sb.append('\n').append(md ? "**Rules:**\n" : "Rules:\n");
            for (RuleRef r : top.rules()) {
                String ref = r.file() + ":" + r.line();
                sb.append("- ").append(md ? "`" + ref.replace("`", "'") + "` " + esc(r.name(), true) : ref + " " + r.name());
                if (r.source() != null && !r.source().isBlank()) sb.append(" (").append(md ? esc(r.source(), true) : r.source()).append(')');
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, boolean md, String label, String value) {
        sb.append(md ? "**" + label + ":** " + esc(value, true) : label + ": " + value).append('\n');
    }

    /** Backslash-escapes what markdown would read as markup; raw HTML is neutralised too. */
    static String esc(String s, boolean md) {
        if (!md || s == null) return s;
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '!', '|', '~', '>' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.2f", v); }
}
