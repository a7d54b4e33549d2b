package triage.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunbookFilesTest {
    @Test
    void rules_and_knowledge_count_but_hidden_files_and_editors_leftovers_do_not(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (String f : List.of("web-stack.drl", "placeos.drl", ".#placeos.drl", "placeos.drl~", "#placeos.drl#", ".drl",
                "notes.txt", "placeos.drl.swp")) {
            Files.writeString(rules.resolve(f), "x");
        }
        Files.createDirectories(rules.resolve("nested.drl"));
        assertEquals(List.of(rules.resolve("placeos.drl"), rules.resolve("web-stack.drl")), RunbookFiles.rules(rules));

        Path knowledge = Files.createDirectories(dir.resolve("knowledge"));
        Path scenarios = Files.createDirectories(knowledge.resolve("scenarios"));
        for (Path f : List.of(knowledge.resolve("symptoms.yaml"), knowledge.resolve(".symptoms.yaml"),
                knowledge.resolve("symptoms.yaml~"), scenarios.resolve("placeos.yml"), scenarios.resolve(".#placeos.yml"))) {
            Files.writeString(f, "x");
        }
        assertEquals(List.of(scenarios.resolve("placeos.yml"), knowledge.resolve("symptoms.yaml")), RunbookFiles.knowledge(knowledge));

        assertTrue(RunbookFiles.isRunbookFile(Path.of("rules/gone.drl")), "by name: a deleted file still counts as a change");
        assertFalse(RunbookFiles.isRunbookFile(Path.of("rules/.#gone.drl")));
    }
}
