package triage.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluation sets measure reading of phrasings nobody here wrote: not one of their sentences
 * may be pasted into the runbooks, the knowledge or the code (eval/*.jsonl in the repository and,
 * when it is beside the checkout, ../shared/eval/*.jsonl).
 */
class NoEvalTextInKnowledgeTest {
    /** Shorter texts ("login fails", a symptom's own name) are ordinary phrases, not pasted cases. */
    private static final int MIN_CHARS = 20, MIN_WORDS = 4;
    /**
     * The seed runbooks' own words, which an eval writer may quote as a user would ("error says no core
     * instances" is the PlaceOS troubleshooting page's), and system error strings both quote (glibc's
     * resolver failure): the knowledge cites the seed or the system, not the case.
     */
    private static final java.util.Set<String> SEED_WORDS = java.util.Set.of("error says no core instances", "the error says no core instances",
            "name or service not known",
            // the cascading-failures article's "Health checks timeout", a symptom's label here before the eval set quoted it
            "health checks time out");

    @Test
    void no_eval_sentence_appears_verbatim_in_rules_knowledge_or_source() throws IOException {
        List<String> sentences = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (Path dir : List.of(Path.of("eval"), Path.of("..", "shared", "eval"))) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                    sentences.addAll(sentencesOf(f));
                    read.add(f.getFileName().toString());
                }
            }
        }
        assertTrue(read.containsAll(List.of("dev.jsonl", "dev2.jsonl", "dev3.jsonl", "dev4.jsonl", "dev5.jsonl", "dev6.jsonl", "dev7.jsonl", "dev8.jsonl", "dev9.jsonl", "dev10.jsonl", "dev11.jsonl", "dev12.jsonl", "dev13.jsonl", "dev14.jsonl", "dev15.jsonl", "dev16.jsonl", "dev17.jsonl", "dev18.jsonl", "dev19.jsonl", "dev20.jsonl", "dev21.jsonl", "dev22.jsonl", "dev23.jsonl", "dev24.jsonl", "dev25.jsonl", "dev26.jsonl", "dev27.jsonl", "dev28.jsonl", "dev29.jsonl", "dev30.jsonl", "dev31.jsonl", "dev32.jsonl", "dev33.jsonl", "dev34.jsonl")),
                "every development set is checked; read " + read);
        assertTrue(sentences.size() > 300, "the dev set in eval/ holds over 300 phrasings; read " + sentences.size());
        StringBuilder corpus = new StringBuilder();
        for (Path dir : List.of(Path.of("rules"), Path.of("knowledge"), Path.of("src", "main"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).filter(NoEvalTextInKnowledgeTest::isText).toList()) {
                    corpus.append(Files.readString(f).toLowerCase(Locale.ROOT)).append('\n');
                }
            }
        }
        String all = corpus.toString();
        List<String> pasted = sentences.stream()
                .map(s -> s.toLowerCase(Locale.ROOT).strip())
                .filter(s -> s.length() >= MIN_CHARS && s.split("\\s+").length >= MIN_WORDS && !SEED_WORDS.contains(s) && all.contains(s))
                .distinct().toList();
        assertTrue(pasted.isEmpty(), "eval sentences pasted into rules/, knowledge/ or src/main: " + pasted);
    }

    private static boolean isText(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".java") || n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".drl")
                || n.endsWith(".md") || n.endsWith(".html") || n.endsWith(".js") || n.endsWith(".json");
    }

    private static List<String> sentencesOf(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) continue;
            JsonNode c = json.readTree(line);
            for (String field : List.of("observations", "turns")) {
                c.path(field).forEach(t -> {
                    out.add(t.asText());
                    // each sentence of a longer message too: one pasted sentence is as bad as the message
                    for (String part : t.asText().split("(?<=[.!?])\\s+")) out.add(part.replaceAll("[.!?]+$", ""));
                });
            }
        }
        return out;
    }
}
