package triage.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import triage.engine.LiveRulebook;
import triage.knowledge.RunbookFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A whole runbook set as one JSON document: every {@code rules/*.drl} and {@code knowledge/**.yaml}
 * by relative path, and the revision lint computed for it (the same hash {@code /healthz} reports
 * once an instance has loaded it). One document under one key is one etcd revision: an instance
 * never sees half a set.
 */
public record RunbookSet(String revision, Instant publishedAt, Map<String, String> files) {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public RunbookSet {
        files = new TreeMap<>(files);
        for (String p : files.keySet()) check(p);
    }

    /** Reads the files that {@code RulebookCompiler} reads from the two directories. */
    public static RunbookSet read(Path rulesDir, Path knowledgeDir, String revision) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path f : RunbookFiles.rules(rulesDir)) {
            files.put("rules/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
        }
        for (Path f : RunbookFiles.knowledge(knowledgeDir)) {
            String rel = knowledgeDir.relativize(f).toString().replace('\\', '/');
            files.put("knowledge/" + rel, Files.readString(f, StandardCharsets.UTF_8));
        }
        return new RunbookSet(revision, Instant.now(), files);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("runbook set does not serialize", e);
        }
    }

    public static RunbookSet fromJson(byte[] json) throws IOException {
        RunbookSet s = JSON.readValue(json, RunbookSet.class);
        if (s.revision() == null || s.files() == null) throw new IOException("not a runbook set (no revision or files)");
        return s;
    }

    public int bytes() { return files.values().stream().mapToInt(v -> v.getBytes(StandardCharsets.UTF_8).length).sum(); }

    /** Writes the files under a new private directory; the caller deletes it with {@link #delete}. */
    public LiveRulebook.Source materialise(String label) throws IOException {
        Path dir = Files.createTempDirectory("triage-runbooks-" + revision + "-");
        try {
            Files.createDirectories(dir.resolve("rules"));
            Files.createDirectories(dir.resolve("knowledge"));
            for (var e : files.entrySet()) {
                Path f = dir.resolve(e.getKey()).normalize();
                if (!f.startsWith(dir)) throw new IOException("refusing path outside the set: " + e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            delete(dir);
            throw e;
        }
        return new LiveRulebook.Source(dir.resolve("rules"), dir.resolve("knowledge"), label);
    }

    /** Removes a directory {@link #materialise} wrote (the parent of its rules directory). */
    public static void delete(LiveRulebook.Source source) {
        delete(source.rulesDir().getParent());
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    private static void check(String path) {
        if (!(path.startsWith("rules/") || path.startsWith("knowledge/")) || path.contains("..") || path.contains("\\")
                || path.contains("//")) {
            throw new IllegalArgumentException("not a runbook path: '" + path + "'");
        }
    }
}
