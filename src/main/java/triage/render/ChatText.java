package triage.render;

import triage.conversation.Turn;
import triage.knowledge.Knowledge;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Observation;
import triage.model.ProbeResult;
import triage.model.Remedy;
import triage.model.RuleRef;

import java.util.List;
import java.util.Locale;

/**
 * A conversation turn as short text a person can read at 3 a.m. The same words serve every
 * chat channel; {@link Style} says how that channel marks bold, italics and code (Markdown
 * for the web and Teams, Slack's mrkdwn for Slack).
 */
public final class ChatText {
    /** How a channel marks emphasis. */
    public record Style(String bold, String italic, String code) {
        public static final Style MARKDOWN = new Style("**", "_", "`");
        public static final Style SLACK = new Style("*", "_", "`");

        String b(String s) { return bold + s + bold; }
        String i(String s) { return italic + s + italic; }
        String c(String s) { return code + s + code; }
    }

    public static final String HELP = """
            I work out which component of a backend is failing from what you see. Tell me symptoms in \
            your own words, one or several at a time, for example:
            - "nobody can log in to backoffice"
            - "backoffice lists no systems"
            - "the Redis queue is growing"
            - "health checks time out and the load balancer drops servers"
            I answer with the most likely cause, why, and the one check that best narrows it down; answer \
            it with yes or no, or say what you found. Say "why?" to see the evidence and rules behind an \
            answer, "start over" to begin again.""";

    private ChatText() {}

    public static String render(Turn t, Style s) {
        StringBuilder sb = new StringBuilder();
        if (t.memoryLost()) {
            sb.append(s.i("I could not reach my memory of this conversation, so I am answering from this message alone."))
                    .append("\n\n");
        }
        switch (t.kind()) {
            case HELP -> sb.append(HELP.replace("\"why?\"", s.b("why?")).replace("\"start over\"", s.b("start over")))
                    .append(question(t.question(), "Next check", s));
            case RESET -> sb.append("Starting over. What do you see?").append(question(t.question(), "First check", s));
            case WHY -> sb.append(why(t.diagnosis(), t.knowledge(), s));
            case DIAGNOSIS -> sb.append(notes(t)).append(diagnosis(t, s));
            case CLARIFY -> sb.append(notes(t));
        }
        return sb.toString().strip();
    }

    private static String diagnosis(Turn t, Style s) {
        StringBuilder sb = new StringBuilder();
        Diagnosis d = t.diagnosis();
        if (!t.checked().isEmpty()) {
            sb.append(s.b("Checked:")).append(' ');
            sb.append(String.join(", ", t.checked().stream().map(r -> r.component() + " " + r.status().wire()
                    + (r.detail() == null || r.detail().isBlank() ? "" : " (" + r.detail() + ")")).toList()));
            if (t.checked().stream().noneMatch(ProbeResult::counted)) {
                sb.append(". ").append(s.i("Nothing answered, so I am not counting it: check my network and configuration."));
            }
            sb.append("\n\n");
        }
        if (t.notUnderstood() != null) {
            sb.append("I did not understand \"").append(clip(t.notUnderstood())).append("\".");
            sb.append(d.top() == null && d.understood().isEmpty() ? " " : "\n\n");
        }
        Cause top = d.top();
        if (top == null) {
            if (!d.understood().isEmpty()) sb.append("Nothing points at a component yet.");
            else if (t.notUnderstood() == null) sb.append("Nothing I know of points at a component yet.");
        } else if (t.concluded()) {
            sb.append("Then it is ").append(s.b(top.name())).append(" (").append(fmt(top.confidence())).append(")");
            if (!top.because().isEmpty()) sb.append(": ").append(String.join(", ", top.because()));
            sb.append('.');
            ruledOut(d, sb);
            if (d.remedy() != null && !d.remedy().steps().isEmpty()) {
                sb.append(remedy(d.remedy(), s));
            } else if (top.nextStep() != null) {
                sb.append("\n").append(s.b("Next step:")).append(' ').append(top.nextStep());
            }
            sb.append("\n").append(s.i("Say \"why?\" for the evidence, or tell me more if something does not fit."));
        } else {
            sb.append("Most likely ").append(s.b(top.name())).append(" (").append(fmt(top.confidence())).append(")");
            if (!top.because().isEmpty()) sb.append(": ").append(String.join(", ", top.because()));
            sb.append('.');
            if (top.role() != null) sb.append(' ').append(top.role());
            sb.append(' ').append(s.i("[" + top.runbook() + " / " + top.rule() + "]"));
            List<Cause> others = d.causes().subList(1, Math.min(d.causes().size(), 4));
            if (!others.isEmpty()) {
                sb.append("\nAlso possible: ");
                sb.append(String.join(", ", others.stream().map(c -> c.name() + " (" + fmt(c.confidence()) + ")").toList()));
                sb.append('.');
            }
            ruledOut(d, sb);
        }
        sb.append(question(t.question(), d.understood().isEmpty() ? "First check" : "Next check", s));
        if (t.checked().isEmpty() && !t.canCheck().isEmpty() && !t.concluded()) {
            sb.append("\n").append(s.i("I can check " + String.join(" and ", t.canCheck()) + " for you: say \"check\"."));
        }
        return sb.toString();
    }

    /** What to do about a settled cause, the fix first, with the seed section it comes from. */
    public static String remedy(Remedy r, Style s) {
        StringBuilder sb = new StringBuilder("\n").append(s.b("What to do:"));
        for (String step : r.steps()) sb.append("\n- ").append(step);
        if (r.source() != null) sb.append("\n").append(s.i("From: " + r.source()));
        return sb.toString();
    }

    /** What changed this turn (a question set aside, an answer changed, a cause reopened), said first. */
    private static String notes(Turn t) {
        if (t.notes().isEmpty()) return "";
        return String.join("\n", t.notes()) + (t.kind() == Turn.Kind.CLARIFY ? "" : "\n\n");
    }

    private static void ruledOut(Diagnosis d, StringBuilder sb) {
        for (Cause c : d.ruledOut()) {
            sb.append("\n").append(capital(c.name())).append(" is ruled out");
            if (!c.against().isEmpty()) sb.append(" because ").append(String.join(", ", c.against()));
            sb.append('.');
        }
    }

    private static String question(Check q, String label, Style s) {
        if (q == null) return "";
        return "\n" + s.b(label + ":") + " " + q.question() + "\n" + s.i("How:") + " " + q.how();
    }

    private static String why(Diagnosis d, Knowledge k, Style s) {
        Cause top = d.top();
        if (top == null) return "I have no suspect yet, so there is nothing to explain. Tell me what you see.";
        StringBuilder sb = new StringBuilder();
        sb.append(s.b("Why " + top.name())).append(" (").append(fmt(top.confidence())).append(")\n");
        for (String b : top.because()) {
            sb.append("- ").append(b);
            String said = saidFor(d, k, b);
            if (said != null) sb.append(" - you said \"").append(clip(said)).append('"');
            sb.append('\n');
        }
        for (String a : top.against()) sb.append("- against it: ").append(a).append('\n');
        sb.append("Rules that concluded it:");
        for (RuleRef r : top.rules()) {
            sb.append("\n- ").append(s.c(r.name())).append(" (").append(r.file()).append(':').append(r.line()).append(')');
            if (r.source() != null) sb.append(" - ").append(s.i(r.source()));
        }
        for (Cause c : d.ruledOut()) {
            sb.append("\n").append(capital(c.name())).append(" is ruled out");
            if (!c.against().isEmpty()) sb.append(" because ").append(String.join(", ", c.against()));
            sb.append('.');
        }
        return sb.toString();
    }

    /** The words a person used for an observation, matched back through its label. */
    private static String saidFor(Diagnosis d, Knowledge k, String label) {
        for (Observation u : d.understood()) {
            if (!u.getText().isBlank() && label.equals(k.label(u))) return u.getText();
        }
        return null;
    }

    private static String clip(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.2f", v); }
}
