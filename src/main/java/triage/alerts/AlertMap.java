package triage.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import triage.engine.Lint;
import triage.engine.Problem;
import triage.knowledge.Knowledge;
import triage.knowledge.KnowledgeException;
import triage.knowledge.KnowledgeLoader;
import triage.model.Observation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an alert means, from {@code knowledge/alerts.yaml}: each entry names an alert
 * ({@code alert}, the {@code alertname} label), optional label {@code matchers}, and the
 * observations it stands for ({@code observe}: symptom id -> present). The file's
 * {@code examples} are label sets of real alerts; {@link #lint} requires every entry to match one.
 */
public final class AlertMap {
    /** The observations' source: they come from an alert, not from a person or a live check. */
    public static final String SOURCE = "alert";

    /** One entry, at its line of the file. */
    record Entry(String alert, List<LabelMatcher> matchers, Map<String, Boolean> observe, int line) {
        boolean matches(Map<String, String> labels) {
            if (!alert.equals(labels.get("alertname"))) return false;
            for (LabelMatcher m : matchers) if (!m.matches(labels)) return false;
            return true;
        }
    }

    private final Path file;
    private final List<Entry> entries;
    private final List<Map<String, String>> examples;
    private final List<Problem> problems;

    private AlertMap(Path file, List<Entry> entries, List<Map<String, String>> examples, List<Problem> problems) {
        this.file = file;
        this.entries = List.copyOf(entries);
        this.examples = List.copyOf(examples);
        this.problems = List.copyOf(problems);
    }

    /** No mapping at all: every alert is read by its annotations alone. */
    public static AlertMap empty() { return new AlertMap(null, List.of(), List.of(), List.of()); }

    /** {@code alerts.yaml} of {@code knowledgeDir}; empty when there is none. Entries with problems are left out ({@link #problems}). */
    public static AlertMap load(Path knowledgeDir) {
        Path file = knowledgeDir.resolve("alerts.yaml");
        if (!Files.isRegularFile(file)) return new AlertMap(file, List.of(), List.of(), List.of());
        List<Problem> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        List<Map<String, String>> examples = new ArrayList<>();
        String text;
        JsonNode root;
        try {
            text = Files.readString(file);
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new AlertMap(file, List.of(), List.of(), List.of(new Problem(file.toString(), line, 0, e.getOriginalMessage())));
        } catch (IOException e) {
            return new AlertMap(file, List.of(), List.of(), List.of(new Problem(file.toString(), 0, 0, "cannot be read: " + e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            return new AlertMap(file, List.of(), List.of(), List.of(new Problem(file.toString(), 1, 0, "must be a map with 'alerts' and 'examples'")));
        }
        List<Integer> lines = lines(text, "- alert:");
        JsonNode list = root.path("alerts");
        if (!list.isArray()) problems.add(new Problem(file.toString(), 1, 0, "'alerts' must be a list"));
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            JsonNode e = list.get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            String alert = e.path("alert").asText("");
            if (alert.isBlank()) {
                problems.add(new Problem(file.toString(), line, 0, "entry " + (i + 1) + " names no 'alert'"));
                continue;
            }
            List<LabelMatcher> matchers = new ArrayList<>();
            boolean ok = true;
            for (JsonNode m : e.path("matchers")) {
                try {
                    matchers.add(LabelMatcher.parse(m.asText()));
                } catch (IllegalArgumentException x) {
                    problems.add(new Problem(file.toString(), line, 0, "alert " + alert + ": " + x.getMessage()));
                    ok = false;
                }
            }
            Map<String, Boolean> observe = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = e.path("observe").fields(); it.hasNext(); ) {
                var o = it.next();
                if (!o.getValue().isBoolean()) {
                    problems.add(new Problem(file.toString(), line, 0, "alert " + alert + ": observe." + o.getKey()
                            + " must be true (present) or false (absent)"));
                    ok = false;
                } else {
                    observe.put(o.getKey(), o.getValue().booleanValue());
                }
            }
            if (observe.isEmpty() && ok) {
                problems.add(new Problem(file.toString(), line, 0, "alert " + alert + ": 'observe' names no symptom"));
                ok = false;
            }
            if (ok) entries.add(new Entry(alert, matchers, observe, line));
        }
        for (JsonNode ex : root.path("examples")) {
            Map<String, String> labels = new LinkedHashMap<>();
            ex.fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
            examples.add(labels);
        }
        return new AlertMap(file, entries, examples, problems);
    }

    /** The line numbers (from 1) of the lines that start, after spaces, with {@code prefix}. */
    private static List<Integer> lines(String text, String prefix) {
        List<Integer> out = new ArrayList<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) if (all[i].stripLeading().startsWith(prefix)) out.add(i + 1);
        return out;
    }

    /**
     * What is wrong with the file against {@code knowledge}, each at its line: what did not load,
     * symptoms the knowledge does not define, and entries that match none of the example alerts.
     */
    public List<Problem> lint(Knowledge knowledge) {
        List<Problem> out = new ArrayList<>(problems);
        for (Entry e : entries) {
            for (String symptom : e.observe().keySet()) {
                if (!knowledge.symptoms().containsKey(symptom)) {
                    out.add(new Problem(file.toString(), e.line(), 0, "alert " + e.alert() + ": unknown symptom '" + symptom
                            + "' (not in symptoms.yaml)"));
                }
            }
            if (examples.stream().noneMatch(e::matches)) {
                out.add(new Problem(file.toString(), e.line(), 0, "alert " + e.alert() + e.matchers()
                        + " matches none of the example alerts; add one under 'examples' or fix the matchers"));
            }
        }
        return out;
    }

    /**
     * The problems of {@code knowledgeDir/alerts.yaml} against the knowledge beside it (none when
     * there is no such file, or when the knowledge itself does not load: lint says so on its own).
     */
    public static List<Problem> lint(Path knowledgeDir) {
        if (!Files.isRegularFile(knowledgeDir.resolve("alerts.yaml"))) return List.of();
        Knowledge k;
        try {
            k = new KnowledgeLoader().load(knowledgeDir);
        } catch (KnowledgeException e) {
            return List.of();
        }
        return load(knowledgeDir).lint(k);
    }

    /** {@code report} with the problems of {@code knowledgeDir/alerts.yaml} added ({@code lint}, {@code publish}). */
    public static Lint.Report withAlerts(Lint.Report report, Path knowledgeDir) {
        List<Problem> alerts = lint(knowledgeDir);
        if (alerts.isEmpty()) return report;
        List<Problem> all = new ArrayList<>(report.problems());
        all.addAll(alerts);
        return new Lint.Report(all, report.rules(), report.scenarios(), report.revision());
    }

    /** The observations an alert with these labels stands for (every matching entry's), in file order. */
    public List<Observation> observations(Map<String, String> labels, Knowledge knowledge) {
        List<Observation> out = new ArrayList<>();
        String name = labels.getOrDefault("alertname", "");
        for (Entry e : entries) {
            if (!e.matches(labels)) continue;
            e.observe().forEach((symptom, present) -> {
                // a symptom a later knowledge revision dropped is not guessed at
                if (knowledge.symptoms().containsKey(symptom)) {
                    out.add(new Observation(symptom, present, "alert " + name, SOURCE));
                }
            });
        }
        return out;
    }

    /** How many entries loaded. */
    public int size() { return entries.size(); }
}
