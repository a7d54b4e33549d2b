package triage.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;
import triage.knowledge.Knowledge;
import triage.knowledge.Scenario;
import triage.model.Diagnosis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule base taken from the cache answers exactly as the freshly compiled one did. */
class RulebookCacheTest {
    @TempDir Path dir;

    private Path cacheDir() { return dir.resolve("cache"); }

    /** A diagnosis as a value: observations are facts with identity, so compared by what they say. */
    static List<Object> value(Diagnosis d) {
        return List.of(d.causes(), d.ruledOut(), d.nextChecks(), d.understood().stream()
                .map(o -> List.of(o.getSymptom(), o.isPresent(), o.getText(), o.getSource())).toList(), d.unrecognized(), d.firings());
    }

    private Rulebook load(Path root) throws RulebookException {
        return new RulebookCompiler(RulebookCache.in(cacheDir())).load(root.resolve("rules"), root.resolve("knowledge"));
    }

    @Test
    void a_cached_rule_base_gives_the_same_answers_to_every_scenario() throws Exception {
        Path root = Fixtures.copyRunbooks(dir.resolve("runbooks"));
        Rulebook compiled = load(root);
        Rulebook cached = load(root);
        assertFalse(compiled.fromCache());
        assertTrue(cached.fromCache(), "the second load should come from the cache");
        assertEquals(compiled.revision(), cached.revision());
        assertEquals(compiled.rules(), cached.rules());
        for (Scenario s : compiled.knowledge().scenarios()) {
            Diagnosis a = ScenarioRunner.run(compiled, s).diagnosis();
            Diagnosis b = ScenarioRunner.run(cached, s).diagnosis();
            assertEquals(value(a), value(b), s.name());
        }
    }

    @Test
    void a_cached_sets_knowledge_is_the_one_its_yaml_reads_as_in_the_same_order() throws Exception {
        Path root = Fixtures.copyRunbooks(dir.resolve("runbooks"));
        Knowledge read = load(root).knowledge();
        Rulebook cached = load(root);
        assertTrue(cached.fromCache());
        Knowledge k = cached.knowledge();
        assertNotSame(read, k);
        assertEquals(List.copyOf(read.components().entrySet()), List.copyOf(k.components().entrySet()));
        assertEquals(List.copyOf(read.symptoms().entrySet()), List.copyOf(k.symptoms().entrySet()));
        assertEquals(List.copyOf(read.runbooks().entrySet()), List.copyOf(k.runbooks().entrySet()));
        assertEquals(read.lexicon(), k.lexicon());
        assertEquals(List.copyOf(read.lexicon().synonyms().entrySet()), List.copyOf(k.lexicon().synonyms().entrySet()));
        assertEquals(read.scenarios(), k.scenarios());
    }

    @Test
    void an_edit_misses_the_cache_and_takes_effect() throws Exception {
        Path root = Fixtures.copyRunbooks(dir.resolve("runbooks"));
        Rulebook before = load(root);
        Path drl = root.resolve("rules/placeos.drl");
        Files.writeString(drl, Files.readString(drl).replace("insertLogical(Evidence.suspect(\"rethinkdb\", 0.6));",
                "insertLogical(Evidence.suspect(\"rethinkdb\", 0.65));"));
        Rulebook after = load(root);
        assertFalse(after.fromCache(), "an edited rule must be compiled again");
        assertTrue(load(root).fromCache());
        double was = new Triage(LiveRulebook.serving(before)).answer(Said.texts(List.of("can't log in"))).diagnosis().top().confidence();
        double now = new Triage(LiveRulebook.serving(after)).answer(Said.texts(List.of("can't log in"))).diagnosis().top().confidence();
        assertTrue(now > was, "the stronger rule takes effect: " + was + " -> " + now);
    }

    @Test
    void an_edit_of_the_knowledge_misses_the_cache() throws Exception {
        Path root = Fixtures.copyRunbooks(dir.resolve("runbooks"));
        load(root);
        Path symptoms = root.resolve("knowledge/symptoms.yaml");
        Files.writeString(symptoms, Files.readString(symptoms) + "\n# an edit\n");
        assertFalse(load(root).fromCache());
    }

    @Test
    void the_same_bytes_under_another_name_or_split_differently_miss_the_cache() throws Exception {
        Path root = Fixtures.copyRunbooks(dir.resolve("runbooks"));
        String revision = load(root).revision();
        // renamed: the rule index names its file, so a renamed file is another set
        Files.move(root.resolve("rules/web-stack.drl"), root.resolve("rules/web.drl"));
        Rulebook renamed = load(root);
        assertFalse(renamed.fromCache());
        assertTrue(renamed.rules().values().stream().anyMatch(r -> r.ref().file().endsWith("web.drl")));
        // a comment moved from the end of one file to the start of the next: same bytes in order, other files
        Path a = root.resolve("rules/distributed.drl"), b = root.resolve("rules/placeos.drl");
        Files.writeString(a, Files.readString(a) + "// moved\n");
        assertFalse(load(root).fromCache());
        Files.writeString(a, Files.readString(a).replace("// moved\n", ""));
        Files.writeString(b, "// moved\n" + Files.readString(b));
        assertFalse(load(root).fromCache(), "the lengths split the bytes into files: another key");
        assertNotNull(revision);
    }

    @Test
    void a_set_a_runbook_action_check_refuses_is_never_cached_so_a_cache_hit_needs_no_second_check() throws Exception {
        Path root = Fixtures.copyRunbooks(dir.resolve("runbooks"));
        Path drl = root.resolve("rules/placeos.drl");
        Files.writeString(drl, Files.readString(drl).replace("insertLogical(Evidence.suspect(\"rethinkdb\", 0.6));",
                "insertLogical(Evidence.suspect(\"rethinkdb\", 0.6)); System.exit(3);"));
        for (int i = 0; i < 2; i++) {
            RulebookException e = org.junit.jupiter.api.Assertions.assertThrows(RulebookException.class, () -> load(root));
            assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("placeos.drl")), e.problems().toString());
        }
        try (Stream<Path> s = Files.list(cacheDir())) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".kb")), "no entry for a refused set");
        } catch (java.nio.file.NoSuchFileException none) {
            // never even created
        }
    }

    @Test
    void a_damaged_entry_is_compiled_again() throws Exception {
        Path root = Fixtures.copyRunbooks(dir.resolve("runbooks"));
        load(root);
        try (Stream<Path> s = Files.list(cacheDir())) {
            for (Path p : s.filter(p -> p.toString().endsWith(".kb")).toList()) {
                byte[] b = Files.readAllBytes(p);
                Files.write(p, java.util.Arrays.copyOf(b, b.length / 2));
            }
        }
        Rulebook again = load(root);
        assertFalse(again.fromCache());
        assertEquals("rethinkdb", new Triage(LiveRulebook.serving(again)).answer(Said.texts(List.of("can't log in"))).diagnosis().top().component());
        assertTrue(load(root).fromCache(), "the damaged entry is replaced");
    }

    @Test
    void scenario_results_are_kept_with_the_entry() throws Exception {
        Path root = Fixtures.copyRunbooks(dir.resolve("runbooks"));
        RulebookCompiler compiler = new RulebookCompiler(RulebookCache.in(cacheDir()));
        RulebookCompiler.Compiled first = compiler.compile(root.resolve("rules"), root.resolve("knowledge"));
        assertEquals(List.of(), compiler.scenarioFailures(first));
        compiler.store(first);
        RulebookCompiler.Compiled second = compiler.compile(root.resolve("rules"), root.resolve("knowledge"));
        assertTrue(second.rulebook().fromCache());
        assertEquals(List.of(), compiler.scenarioFailures(second));
        try (Stream<Path> s = Files.list(cacheDir())) {
            assertTrue(s.anyMatch(p -> p.toString().endsWith(".scenarios")));
        }
    }

    @Test
    void remembered_diagnoses_equal_fresh_ones() {
        Rulebook rb = Fixtures.shipped();
        Triage triage = new Triage(LiveRulebook.serving(rb));
        Diagnoser fresh = new Diagnoser();
        for (int round = 0; round < 2; round++) {
            for (Scenario s : rb.knowledge().scenarios()) {
                if (!s.withdraw().isEmpty()) continue;
                var in = rb.interpreter().read(s.observations());
                Diagnosis expected = fresh.diagnose(rb, Triage.latest(in.readings()), List.of(), in.runbooks(),
                        in.unrecognized());
                assertEquals(value(expected), value(triage.answer(Said.texts(s.observations())).diagnosis()),
                        s.name() + " (round " + round + ")");
            }
        }
    }

    @Test
    void a_set_opened_to_answer_once_answers_first_and_is_checked_and_cached_afterwards() throws Exception {
        Path root = Fixtures.copyRunbooks(dir.resolve("runbooks"));
        Path scenarios = root.resolve("knowledge/scenarios/placeos.yaml");
        Files.writeString(scenarios, Files.readString(scenarios) + """

                  - name: a wrong expectation, so that checking has something to report
                    say: ["can't log in"]
                    expect: {top: [redis]}
                """);
        LiveRulebook live = LiveRulebook.openUnchecked(new LiveRulebook.Source(root.resolve("rules"), root.resolve("knowledge"),
                "files"), new RulebookCompiler(RulebookCache.in(cacheDir())));
        assertEquals("rethinkdb", new Triage(live).answer(Said.texts(List.of("can't log in"))).diagnosis().top().component());
        assertNull(live.status().error(), "no scenario has run yet");
        assertFalse(Files.exists(cacheDir()) && hasFiles(cacheDir()), "nothing is cached before the check");

        live.check();
        assertNotNull(live.status().error());
        assertTrue(String.join("\n", live.status().error()).contains("a wrong expectation"), live.status().error().toString());
        assertTrue(load(root).fromCache(), "the check writes the cache entry");
    }

    private static boolean hasFiles(Path d) throws Exception {
        try (Stream<Path> s = Files.walk(d)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }
}
