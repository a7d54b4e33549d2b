package triage.alerts;

import triage.engine.Answer;
import triage.model.Cause;
import triage.model.ProbeResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an alert group reads: the texts of its alerts read as a person's sentences, and what its
 * thread says (the root message's title and lines, the notes on alerts that joined or resolved),
 * each clipped so that a group of hundreds of alerts still posts a short message.
 */
final class AlertText {
    static final int MAX_TEXTS = 10;
    static final int MAX_LINES = 6;

    private AlertText() {}

    /** The firing alerts' summaries and descriptions, and the group's, each once, read as a person's sentences. */
    static List<String> texts(Notification n, List<Notification.Alert> firing) {
        Set<String> out = new LinkedHashSet<>();
        List<Map<String, String>> annotations = new ArrayList<>();
        annotations.add(n.commonAnnotations());
        firing.forEach(a -> annotations.add(a.annotations()));
        for (Map<String, String> an : annotations) {
            for (String field : List.of("summary", "description")) {
                String t = an.get(field);
                if (t == null || t.isBlank()) continue;
                t = t.strip();
                out.add(t.length() > 2000 ? t.substring(0, 2000) : t);
                if (out.size() >= MAX_TEXTS) return List.copyOf(out);
            }
        }
        return List.copyOf(out);
    }

    static List<String> lines(Answer a, List<Notification.Alert> firing) {
        List<String> lines = new ArrayList<>();
        Cause top = a.diagnosis().top();
        if (top == null) {
            lines.add("No likely cause yet from the alerts and the live checks.");
        } else {
            lines.add("Most likely " + top.title() + " (" + String.format(Locale.ROOT, "%.2f", top.confidence()) + ")"
                    + (top.because().isEmpty() ? "" : ": " + String.join(", ", top.because())));
        }
        List<ProbeResult> probes = a.probes() == null ? List.of() : a.probes();
        if (!probes.isEmpty()) {
            lines.add("Live checks: " + String.join("; ", probes.stream().map(p -> p.component() + " " + p.status().wire()
                    + (p.detail().isEmpty() ? "" : " (" + clip(p.detail(), 120) + ")")).toList()));
        }
        for (Notification.Alert al : firing.subList(0, Math.min(firing.size(), MAX_LINES - lines.size()))) {
            String summary = al.annotations().getOrDefault("summary", al.labels().getOrDefault("instance", ""));
            lines.add(al.name() + (summary.isBlank() ? "" : ": " + clip(summary, 200)));
        }
        return lines;
    }

    static AlertThreads.Headline headline(Notification n, List<Notification.Alert> alerts, List<String> lines,
                                                  boolean resolved) {
        String names = names(alerts);
        String title = resolved ? "Resolved: " + names
                : "Firing: " + names + " (" + alerts.size() + (alerts.size() == 1 ? " alert)" : " alerts)");
        return new AlertThreads.Headline(title, lines, resolved, n.externalUrl());
    }

    static Set<String> fingerprints(List<Notification.Alert> alerts) {
        Set<String> out = new TreeSet<>();
        alerts.forEach(a -> out.add(a.fingerprint()));
        return out;
    }

    static String names(List<Notification.Alert> alerts) {
        Set<String> names = new LinkedHashSet<>();
        alerts.forEach(a -> names.add(a.name()));
        String s = String.join(", ", names);
        return clip(s.isEmpty() ? "(no alerts)" : s, 150);
    }

    static String describe(List<Notification.Alert> alerts) {
        List<String> out = new ArrayList<>();
        for (Notification.Alert a : alerts.subList(0, Math.min(alerts.size(), 10))) {
            String instance = a.labels().getOrDefault("instance", a.labels().getOrDefault("pod", ""));
            out.add(a.name() + (instance.isEmpty() ? "" : " (" + clip(instance, 100) + ")"));
        }
        if (alerts.size() > 10) out.add("and " + (alerts.size() - 10) + " more");
        return String.join(", ", out);
    }

    static String clip(String s, int max) { return s.length() > max ? s.substring(0, max - 3) + "..." : s; }
}
