package triage.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads fault profiles from YAML: {@code faults: [{id, component, stack, opening, answers, unknowable}]}. */
public final class Profiles {
    private Profiles() {}

    /** Reads every profile of {@code files}; a malformed file or profile is an {@link IllegalArgumentException} naming it. */
    public static List<Profile> read(List<Path> files) {
        List<Profile> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Path f : files) {
            JsonNode root;
            try {
                root = yaml.readTree(f.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException(f + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
            }
            JsonNode faults = root == null ? null : root.get("faults");
            if (faults == null || !faults.isArray()) throw new IllegalArgumentException(f + ": expected a list under 'faults'");
            for (JsonNode n : faults) {
                Profile p = profile(f, n);
                if (!ids.add(p.id())) throw new IllegalArgumentException(f + ": fault id '" + p.id() + "' appears twice");
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    static Profile profile(Path f, JsonNode n) {
        String id = text(f, n, "id", "?");
        String where = f + ": fault " + id;
        Map<String, Boolean> answers = new LinkedHashMap<>();
        JsonNode a = n.get("answers");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) throw new IllegalArgumentException(where + ": 'answers' must map symptom ids to yes/no");
            a.fields().forEachRemaining(e -> answers.put(e.getKey(), yesNo(where, e.getKey(), e.getValue())));
        }
        Set<String> unknowable = new LinkedHashSet<>();
        JsonNode u = n.get("unknowable");
        if (u != null && !u.isNull()) {
            if (!u.isArray()) throw new IllegalArgumentException(where + ": 'unknowable' must be a list of symptom ids");
            u.forEach(s -> unknowable.add(s.asText()));
        }
        for (String s : unknowable) {
            if (answers.containsKey(s)) throw new IllegalArgumentException(where + ": '" + s + "' is both answered and unknowable");
        }
        return new Profile(id, text(f, n, "component", id), text(f, n, "stack", id), text(f, n, "opening", id), answers, unknowable);
    }

    private static String text(Path f, JsonNode n, String field, String id) {
        JsonNode v = n.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException(f + ": fault " + id + ": '" + field + "' is missing");
        }
        return v.asText();
    }

    // YAML 1.1 readers take yes/no as booleans, YAML 1.2 readers as strings: accept both
    private static boolean yesNo(String where, String symptom, JsonNode v) {
        if (v.isBoolean()) return v.booleanValue();
        return switch (v.asText().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y" -> true;
            case "no", "false", "n" -> false;
            default -> throw new IllegalArgumentException(where + ": answer to '" + symptom + "' must be yes or no, not '" + v.asText() + "'");
        };
    }
}
