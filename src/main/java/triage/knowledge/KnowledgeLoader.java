package triage.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Loads and validates a knowledge directory; every problem is reported, not just the first. */
public final class KnowledgeLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern RETRACTION_WORDS = Pattern.compile("[a-z0-9'-]+(?: [a-z0-9'-]+)*");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    record ComponentsFile(List<Component> components) {}
    record SymptomsFile(List<Symptom> symptoms) {}
    record RunbooksFile(List<Runbook> runbooks) {}
    record ScenarioExpect(List<String> top, List<String> notAmong, List<String> ruledOut, String next) {}
    record ScenarioEntry(String name, List<String> say, List<String> withdraw, ScenarioExpect expect) {}
    record ScenariosFile(String runbook, List<ScenarioEntry> scenarios) {}

    public Knowledge load(Path dir) throws KnowledgeException {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new KnowledgeException(List.of(dir + ": knowledge directory not found"));
        }
        ComponentsFile components = read(dir.resolve("components.yaml"), ComponentsFile.class, problems);
        SymptomsFile symptoms = read(dir.resolve("symptoms.yaml"), SymptomsFile.class, problems);
        RunbooksFile runbooks = read(dir.resolve("runbooks.yaml"), RunbooksFile.class, problems);
        Lexicon lexicon = read(dir.resolve("lexicon.yaml"), Lexicon.class, problems);
        List<Scenario> scenarios = readScenarios(dir.resolve("scenarios"), problems);
        if (!problems.isEmpty()) throw new KnowledgeException(problems);

        Knowledge k = new Knowledge(nonNull(components.components()), nonNull(symptoms.symptoms()),
                nonNull(runbooks.runbooks()), lexicon, scenarios);
        validate(dir, k, nonNull(components.components()), nonNull(symptoms.symptoms()), problems);
        if (!problems.isEmpty()) throw new KnowledgeException(problems);
        return k;
    }

    private <T> T read(Path file, Class<T> type, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(file + ": missing");
            return null;
        }
        try {
            T value = yaml.readValue(file.toFile(), type);
            if (value == null) problems.add(file + ": empty");
            return value;
        } catch (JsonProcessingException e) {
            problems.add(where(file, e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(file + ": " + e.getMessage());
        }
        return null;
    }

    private List<Scenario> readScenarios(Path dir, List<String> problems) {
        List<Scenario> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(RunbookFiles::isKnowledge).sorted().toList();
        } catch (IOException e) {
            problems.add(dir + ": " + e.getMessage());
            return out;
        }
        for (Path f : files) {
            ScenariosFile sf = read(f, ScenariosFile.class, problems);
            if (sf == null || sf.scenarios() == null) continue;
            for (ScenarioEntry e : sf.scenarios()) {
                if (e.name() == null || e.name().isBlank() || e.expect() == null) {
                    problems.add(f + ": every scenario needs a name and an expect block");
                    continue;
                }
                ScenarioExpect x = e.expect();
                out.add(new Scenario(f.getFileName().toString(), e.name(), e.say(), e.withdraw(),
                        x.top(), x.notAmong(), x.ruledOut(), x.next()));
            }
        }
        return out;
    }

    private static void validate(Path dir, Knowledge k, List<Component> components, List<Symptom> symptoms,
                                 List<String> problems) {
        String cf = dir.resolve("components.yaml").toString();
        String sf = dir.resolve("symptoms.yaml").toString();
        String rf = dir.resolve("runbooks.yaml").toString();
        Set<String> seen = new HashSet<>();
        for (Component c : components) {
            if (c.id() == null || !ID.matcher(c.id()).matches()) {
                problems.add(cf + ": component id '" + c.id() + "' must be lower-case letters, digits and '-'");
                continue;
            }
            if (!seen.add(c.id())) problems.add(cf + ": component '" + c.id() + "' is defined twice");
            if (blank(c.title()) || blank(c.name())) problems.add(cf + ": component '" + c.id() + "' needs a name and a title");
            for (String d : c.dependsOn()) {
                if (!k.components().containsKey(d)) problems.add(cf + ": component '" + c.id() + "' depends on unknown '" + d + "'");
            }
            for (String s : c.confirm()) {
                if (!k.symptoms().containsKey(s)) problems.add(cf + ": component '" + c.id() + "' is confirmed by unknown symptom '" + s + "'");
            }
        }
        seen.clear();
        for (Symptom s : symptoms) {
            if (s.id() == null || !ID.matcher(s.id()).matches()) {
                problems.add(sf + ": symptom id '" + s.id() + "' must be lower-case letters, digits and '-'");
                continue;
            }
            if (!seen.add(s.id())) problems.add(sf + ": symptom '" + s.id() + "' is defined twice");
            if (!"good".equals(s.kind()) && !"bad".equals(s.kind())) {
                problems.add(sf + ": symptom '" + s.id() + "' kind must be 'good' or 'bad', got '" + s.kind() + "'");
            }
            if (!"state".equals(s.turnedBy()) && !"negation".equals(s.turnedBy())) {
                problems.add(sf + ": symptom '" + s.id() + "' turned_by must be 'state' or 'negation', got '" + s.turnedBy() + "'");
            }
            if (!Symptom.EFFORTS.contains(s.effort())) {
                problems.add(sf + ": symptom '" + s.id() + "' effort must be one of " + Symptom.EFFORTS + ", got '" + s.effort() + "'");
            }
            if (blank(s.question()) || blank(s.how()) || blank(s.present()) || blank(s.absent())) {
                problems.add(sf + ": symptom '" + s.id() + "' needs question, how, present and absent");
            }
            for (String e : s.examples()) {
                if (blank(e)) problems.add(sf + ": symptom '" + s.id() + "' has a blank example");
            }
        }
        for (Symptom s : symptoms) {
            if (s.failureOf() == null || s.id() == null) continue;
            Symptom of = k.symptoms().get(s.failureOf());
            if (s.good()) problems.add(sf + ": symptom '" + s.id() + "' is good: only a fault can be the failure of another symptom");
            else if (of == null || !of.good()) {
                problems.add(sf + ": symptom '" + s.id() + "' failure_of names '" + s.failureOf() + "', which is no good symptom");
            }
        }
        for (Runbook r : k.runbooks().values()) {
            for (String t : r.tree()) {
                if (!k.symptoms().containsKey(t)) problems.add(rf + ": runbook '" + r.id() + "' tree names unknown symptom '" + t + "'");
            }
        }
        for (Scenario s : k.scenarios()) {
            for (String c : concat(s.expectTop(), s.expectNotAmong(), s.expectRuledOut())) {
                if (!k.components().containsKey(c)) problems.add(dir.resolve("scenarios").resolve(s.file()) + ": scenario '" + s.name() + "' names unknown component '" + c + "'");
            }
            if (s.expectNext() != null && !k.symptoms().containsKey(s.expectNext())) {
                problems.add(dir.resolve("scenarios").resolve(s.file()) + ": scenario '" + s.name() + "' expects unknown check '" + s.expectNext() + "'");
            }
            for (String w : s.withdraw()) {
                if (!s.observations().contains(w)) problems.add(dir.resolve("scenarios").resolve(s.file()) + ": scenario '" + s.name() + "' withdraws '" + w + "', which it never said");
            }
        }
        Lexicon lx = k.lexicon();
        Map<String, String> conceptOf = new HashMap<>();
        for (Map.Entry<String, List<String>> e : lx.synonyms().entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                problems.add(dir.resolve("lexicon.yaml") + ": synonym '" + e.getKey() + "' lists no words");
                continue;
            }
            for (String way : e.getValue()) {
                String was = conceptOf.putIfAbsent(way.toLowerCase(Locale.ROOT).strip(), e.getKey());
                if (was != null && !was.equals(e.getKey())) {
                    problems.add(dir.resolve("lexicon.yaml") + ": '" + way + "' is listed under both '" + was + "' and '"
                            + e.getKey() + "'; a way of saying something reads as one concept");
                }
            }
        }
        validateRetractions(dir.resolve("lexicon.yaml"), lx.retractions(), problems);
    }

    /**
     * Retractions are matched as typed, word by word: every entry is words (letters, digits, "-",
     * an apostrophe), and the lists that make one pattern together are given together (wrong_verbs,
     * wrong_kinds and wrong_places; planned_kinds and planned_events).
     */
    private static void validateRetractions(Path file, Lexicon.Retractions r, List<String> problems) {
        for (Map.Entry<String, List<String>> e : r.lists().entrySet()) {
            for (String w : e.getValue()) {
                if (w == null || !RETRACTION_WORDS.matcher(w).matches()) {
                    problems.add(file + ": retractions." + e.getKey() + ": '" + w
                            + "' is not lower-case words (letters, digits, '-' and apostrophes, one space apart)");
                }
            }
        }
        List<List<String>> together = List.of(List.of("wrong_verbs", "wrong_kinds", "wrong_places"),
                List.of("planned_kinds", "planned_events"));
        for (List<String> group : together) {
            long given = group.stream().filter(n -> !r.lists().get(n).isEmpty()).count();
            if (given > 0 && given < group.size()) {
                problems.add(file + ": retractions: " + String.join(", ", group) + " make one pattern: give all of them or none");
            }
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) out.addAll(l);
        return out;
    }

    private static <T> List<T> nonNull(List<T> l) { return l == null ? List.of() : l; }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    private static String where(Path file, JsonLocation loc) {
        return loc == null ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }
}
