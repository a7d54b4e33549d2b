package triage.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compiling a set: a rulebook, or every problem at file:line; and a live set that only swaps to a good one. */
class RulebookCompilerTest {
    @TempDir Path dir;

    private Path rules() { return dir.resolve("rules"); }
    private Path knowledge() { return dir.resolve("knowledge"); }

    private void append(String file, String text) throws Exception {
        Files.writeString(rules().resolve(file), Files.readString(rules().resolve(file)) + text);
    }

    @Test
    void the_shipped_runbooks_compile_and_index_every_rule() {
        Rulebook rb = Fixtures.shipped();
        assertTrue(rb.rules().size() >= 90, "rules: " + rb.rules().size());
        assertEquals(12, rb.revision().length());
        for (RuleInfo r : rb.rules().values()) assertTrue(r.ref().line() > 0, r.name());
    }

    @Test
    void a_syntax_error_is_reported_with_file_and_line() throws Exception {
        Fixtures.copyRunbooks(dir);
        long lines = Files.readAllLines(rules().resolve("placeos.drl")).size();
        append("placeos.drl", "\nrule \"Broken\"\nwhen\n    Observation(symptom == \"login-works\"\nthen\nend\n");
        RulebookException e = assertThrows(RulebookException.class, () -> Fixtures.load(rules(), knowledge()));
        Problem p = e.problems().get(0);
        assertTrue(p.file().endsWith("placeos.drl"), p.toString());
        assertTrue(p.line() > lines, "line " + p.line() + " should be in the appended rule");
        assertTrue(e.problems().stream().noneMatch(x -> x.message().contains("null Package")), e.getMessage());
    }

    @Test
    void a_rule_on_an_unknown_symptom_is_an_error() throws Exception {
        Fixtures.copyRunbooks(dir);
        append("placeos.drl", """

                rule "Typo in a symptom"
                    @source("test")
                when
                    Observation(symptom == "login-wroks", present == false)
                then
                    insertLogical(Evidence.suspect("rethinkdb", 0.5));
                end
                """);
        RulebookException e = assertThrows(RulebookException.class, () -> Fixtures.load(rules(), knowledge()));
        assertTrue(e.getMessage().contains("login-wroks"), e.getMessage());
        assertTrue(e.getMessage().contains("placeos.drl:"), e.getMessage());
    }

    @Test
    void a_rule_on_an_unknown_component_is_an_error() throws Exception {
        Fixtures.copyRunbooks(dir);
        append("web-stack.drl", """

                rule "Unknown component"
                when
                    Observation(symptom == "backend-down", present == true)
                then
                    insertLogical(Evidence.suspect("mainframe", 0.5));
                end
                """);
        RulebookException e = assertThrows(RulebookException.class, () -> Fixtures.load(rules(), knowledge()));
        assertTrue(e.getMessage().contains("mainframe"), e.getMessage());
    }

    @Test
    void duplicate_rule_names_across_files_are_an_error() throws Exception {
        Fixtures.copyRunbooks(dir);
        Files.writeString(rules().resolve("extra.drl"), """
                package triage.extra;
                import triage.model.Observation;
                import triage.model.Evidence;
                rule "Triggers fail: etcd"
                when
                    Observation(symptom == "triggers-work", present == false)
                then
                    insertLogical(Evidence.suspect("etcd", 0.1));
                end
                """);
        RulebookException e = assertThrows(RulebookException.class, () -> Fixtures.load(rules(), knowledge()));
        assertTrue(e.getMessage().contains("duplicate rule name 'Triggers fail: etcd'"), e.getMessage());
    }

    @Test
    void every_problem_of_a_set_comes_back_at_once_and_nothing_is_cached() throws Exception {
        Fixtures.copyRunbooks(dir);
        append("placeos.drl", "\nrule \"Broken\"\nwhen\n    Observation(symptom == \"login-works\"\nthen\nend\n");
        append("web-stack.drl", """

                rule "Typo in a symptom elsewhere"
                    @source("test")
                when
                    Observation(symptom == "login-wroks", present == false)
                then
                    insertLogical(Evidence.suspect("rethinkdb", 0.5));
                end
                """);
        Path cache = dir.resolve("cache");
        RulebookCompiler compiler = new RulebookCompiler(RulebookCache.in(cache));
        RulebookException e = assertThrows(RulebookException.class, () -> compiler.compile(rules(), knowledge()));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("placeos.drl") && p.line() > 0), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("web-stack.drl") && p.message().contains("login-wroks")),
                e.getMessage());
        assertFalse(Files.exists(cache) && Files.list(cache).findAny().isPresent(), "a set with problems is never cached");
    }

    /** Waits for the compile begun by {@link RulebookCompiler#startEarly} to end. */
    private static void awaitEarly() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().equals("rulebook-early")) t.join(120_000);
    }

    @Test
    void a_compile_begun_early_is_what_the_next_compile_of_the_same_directories_returns() throws Exception {
        Fixtures.copyRunbooks(dir);
        RulebookCompiler compiler = new RulebookCompiler(RulebookCache.in(dir.resolve("cache")));
        String revision = compiler.compile(rules(), knowledge()).rulebook().revision();
        compiler.startEarly(rules(), knowledge());
        awaitEarly();
        // compiling now would fail: the early work was done before the rules went away
        Files.move(rules(), dir.resolve("moved"));
        assertEquals(revision, compiler.compile(rules(), knowledge()).rulebook().revision());
        RulebookException again = assertThrows(RulebookException.class, () -> compiler.compile(rules(), knowledge()),
                "it is taken once: the next compile reads the directories");
        assertTrue(again.getMessage().contains("not found"), again.getMessage());
    }

    @Test
    void a_compile_begun_early_gives_its_problems_to_the_next_compile_and_other_directories_compile_their_own()
            throws Exception {
        Fixtures.copyRunbooks(dir);
        append("placeos.drl", "\nrule \"Broken\"\nwhen\n    Observation(symptom == \"login-works\"\nthen\nend\n");
        RulebookCompiler compiler = new RulebookCompiler(RulebookCache.off());
        compiler.startEarly(rules(), knowledge());
        RulebookException e = assertThrows(RulebookException.class, () -> compiler.compile(rules(), knowledge()));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("placeos.drl") && p.line() > 0), e.getMessage());

        compiler.startEarly(rules(), knowledge());
        awaitEarly();
        assertEquals(Fixtures.shipped().revision(), compiler.compile(Fixtures.RULES, Fixtures.KNOWLEDGE).rulebook().revision(),
                "a compile of other directories does not take the early work");
    }

    @Test
    void a_compiled_set_is_cached_only_when_stored_and_then_loads_without_compiling() throws Exception {
        Fixtures.copyRunbooks(dir);
        Path cache = dir.resolve("cache");
        RulebookCompiler compiler = new RulebookCompiler(RulebookCache.in(cache));
        RulebookCompiler.Compiled first = compiler.compile(rules(), knowledge());
        assertFalse(first.rulebook().fromCache());
        assertFalse(compiler.compile(rules(), knowledge()).rulebook().fromCache(), "not stored yet");
        compiler.store(first);
        compiler.store(first);  // twice is harmless
        Rulebook again = compiler.compile(rules(), knowledge()).rulebook();
        assertTrue(again.fromCache());
        assertEquals(first.rulebook().revision(), again.revision());
        assertEquals(first.rulebook().rules(), again.rules());
    }

    @Test
    void a_broken_edit_keeps_the_last_good_rules_serving_and_reports_the_error() throws Exception {
        Fixtures.copyRunbooks(dir);
        LiveRulebook live = Fixtures.open(rules(), knowledge());
        Triage triage = new Triage(live);
        String before = live.status().revision();
        append("placeos.drl", "\nrule \"Half written\" when then\n");
        assertFalse(live.reload());
        assertEquals(before, live.status().revision());
        assertTrue(live.status().error().get(0).contains("placeos.drl:"), live.status().error().toString());
        assertEquals("rethinkdb", triage.answer(Said.texts(List.of("cannot log in"))).diagnosis().top().component());
    }

    @Test
    void an_edit_that_breaks_a_scenario_is_not_swapped_in() throws Exception {
        Fixtures.copyRunbooks(dir);
        LiveRulebook live = Fixtures.open(rules(), knowledge());
        Path f = rules().resolve("placeos.drl");
        Files.writeString(f, Files.readString(f).replace("Evidence.suspect(\"rethinkdb\", 0.6)", "Evidence.suspect(\"rethinkdb\", 0.1)"));
        assertFalse(live.reload());
        assertTrue(String.join("\n", live.status().error()).contains("expected top rethinkdb"), live.status().error().toString());
    }

    @Test
    void a_good_edit_is_swapped_in_with_a_new_revision() throws Exception {
        Fixtures.copyRunbooks(dir);
        LiveRulebook live = Fixtures.open(rules(), knowledge());
        String before = live.status().revision();
        append("web-stack.drl", "\n// a comment changes the revision\n");
        assertTrue(live.reload());
        assertNotEquals(before, live.status().revision());
        assertNull(live.status().error());
    }
}
