package triage.render;

import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Maybe;
import triage.model.ProbeResult;

import java.util.List;

import java.util.Locale;

/** A diagnosis for a person at a terminal: the likely cause and why, the others, the next check. */
public final class PlainText {
    private PlainText() {}

    public static String render(Diagnosis d, boolean explain) {
        StringBuilder sb = new StringBuilder();
        Cause top = d.top();
        if (top == null) {
            sb.append("No likely cause yet: nothing said so far points at a component.\n");
        } else {
            sb.append("Most likely ").append(top.title()).append(" (").append(fmt(top.confidence())).append(")");
            if (!top.because().isEmpty()) sb.append(": ").append(String.join(", ", top.because()));
            sb.append(".\n");
            if (top.role() != null) sb.append("  ").append(top.role()).append('\n');
            sb.append("  [").append(top.runbook()).append(" / ").append(top.rule()).append("]\n");
            if (d.remedy() != null) {
                sb.append("Settled. What to do").append(d.remedy().source() == null ? "" : " (" + d.remedy().source() + ")")
                        .append(":\n");
                for (String step : d.remedy().steps()) sb.append("  - ").append(step).append('\n');
            } else if (top.nextStep() != null) {
                sb.append("  Next step: ").append(top.nextStep()).append('\n');
            }
            if (d.causes().size() > 1) {
                sb.append("Also possible:");
                for (Cause c : d.causes().subList(1, d.causes().size())) {
                    sb.append("\n  ").append(c.title()).append(" (").append(fmt(c.confidence())).append(")");
                    if (!c.because().isEmpty()) sb.append(": ").append(String.join(", ", c.because()));
                }
                sb.append('\n');
            }
        }
        for (Cause c : d.ruledOut()) {
            sb.append("Ruled out: ").append(c.title());
            if (!c.against().isEmpty()) sb.append(", because ").append(String.join(", ", c.against()));
            sb.append('\n');
        }
        if (d.nextChecks().isEmpty()) {
            sb.append("Nothing left to ask.\n");
        } else {
            Check c = d.nextChecks().get(0);
            sb.append("Next check: ").append(c.question()).append("\n  How: ").append(c.how()).append('\n');
            for (Check more : d.nextChecks().subList(1, d.nextChecks().size())) {
                sb.append("  Or: ").append(more.question()).append('\n');
            }
        }
        if (!d.unrecognized().isEmpty()) {
            sb.append("Not understood: ");
            sb.append(String.join("; ", d.unrecognized().stream().map(t -> "\"" + t + "\"").toList())).append('\n');
        }
        for (Maybe m : d.maybe()) sb.append("Maybe: \"").append(m.text()).append("\" - ").append(m.question()).append('\n');
        if (explain) {
            sb.append("\nUnderstood:\n");
            d.understood().forEach(u -> sb.append("  ").append(u.getSymptom()).append(u.isPresent() ? " present" : " absent")
                    .append(u.getText().isEmpty() ? "" : "  <- \"" + u.getText() + "\"").append(" [").append(u.getSource()).append("]")
                    .append(u.getExample() == null ? "" : String.format(Locale.ROOT, " by example \"%s\" (similarity %.2f)",
                            u.getExample(), u.getSimilarity()))
                    .append('\n'));
            for (Maybe m : d.maybe()) {
                sb.append(String.format(Locale.ROOT, "  maybe %s %s  <- \"%s\" nearest example \"%s\" (similarity %.2f, below %s)%n",
                        m.symptom(), m.present() ? "present" : "absent", m.text(), m.example(), m.similarity(), "the accept threshold"));
            }
            sb.append("Rules fired, in order:\n");
            int i = 1;
            for (Diagnosis.Firing f : d.firings()) {
                sb.append(String.format(Locale.ROOT, "  %2d. [%s] %s%n", i++, f.runbook(), f.rule()));
                if (!f.on().isEmpty()) sb.append("      on: ").append(String.join(", ", f.on())).append('\n');
                if (!f.concluded().isEmpty()) sb.append("      concluded: ").append(f.concluded()).append('\n');
            }
        }
        return sb.toString();
    }

    /** What the live checks found, one line a target; said first, since the diagnosis builds on it. */
    public static String probes(List<ProbeResult> probes) {
        StringBuilder sb = new StringBuilder();
        if (probes.isEmpty()) return "Checked: nothing - no live check is configured (TRIAGE_PROBE_<ID>, knowledge/components.yaml).\n";
        sb.append("Checked:\n");
        int w = probes.stream().mapToInt(p -> p.component().length()).max().orElse(0);
        for (ProbeResult p : probes) {
            sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %-7s %5d ms  %s  %s%s%n", p.component(), p.status().wire(), p.ms(),
                    p.target(), p.detail(), p.cached() ? " (cached)" : ""));
        }
        if (probes.stream().noneMatch(ProbeResult::counted)) {
            sb.append("  Not one target answered: Triage itself may not reach them, so none of this is counted as evidence.\n");
        }
        return sb.toString();
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.2f", v); }
}
