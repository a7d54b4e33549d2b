package triage.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A candidate set's scenarios run in a child JVM that is ended when an action never returns. */
class ChildScenarioCheckTest {
    private static final String SPIN = Fixtures.SPINNING_RULE;
    private static final Duration PER_SCENARIO = Duration.ofSeconds(2);

    @TempDir Path dir;

    private static long seconds(long t0) { return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0); }

    @Test
    void a_set_whose_action_spins_is_rejected_naming_the_rule_and_leaves_no_thread_or_process_behind() throws Exception {
        Path root = Fixtures.copyRunbooks(dir);
        Path rules = root.resolve("rules"), knowledge = root.resolve("knowledge");
        RulebookCompiler compiler = RulebookCompiler.isolated(RulebookCache.in(dir.resolve("cache")), PER_SCENARIO);
        ChildScenarioCheck check = (ChildScenarioCheck) compiler.scenarioCheck();
        LiveRulebook live = LiveRulebook.open(new LiveRulebook.Source(rules, knowledge, "files"), compiler);
        assertEquals(null, live.status().error(), "the shipped set passes in a child");
        long firstChild = check.lastPid();
        assertTrue(firstChild > 0, "the first set's scenarios ran in a child JVM");
        String good = live.current().revision();
        Triage triage = new Triage(live);
        String before = triage.answer(Said.text("nobody can log in to backoffice")).diagnosis().top().component();

        Files.writeString(rules.resolve("zz-spin.drl"), SPIN);
        long t0 = System.nanoTime();
        assertFalse(live.reload(), "a set whose action spins on a scenario is rejected");
        // 2 s deadline + 5 s grace + a child's start and a compile: ~10 s; ten times that on a loaded machine
        assertTrue(seconds(t0) < 100, "rejected within a bounded time: " + seconds(t0) + " s");
        String error = String.join("\n", live.status().error());
        assertTrue(error.contains("Spins on login") && error.contains("zz-spin.drl"), error);
        assertEquals(good, live.current().revision(), "the last good set keeps serving");
        assertEquals(before, triage.answer(Said.text("nobody can log in to backoffice")).diagnosis().top().component(),
                "the old rules still answer");

        long child = check.lastPid();
        assertNotEquals(firstChild, child, "the candidate was checked in a child of its own");
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the child " + child + " is gone");
        assertEquals(List.of(), childrenRunningScenarios(), "no check process is left");
        assertEquals(Set.of(), threadsInRules(), "no thread is left spinning in an action here");

        // the spinning rule removed and another edit made: a normal reload swaps in
        Files.delete(rules.resolve("zz-spin.drl"));
        Path placeos = rules.resolve("placeos.drl");
        Files.writeString(placeos, Files.readString(placeos) + "\n// an edit\n");
        assertTrue(live.reload(), String.valueOf(live.status().error()));
        assertNotEquals(good, live.current().revision());
        long checked = check.lastPid();
        assertNotEquals(child, checked, "the edited set was checked in a child");

        // unchanged since: its scenarios' result is cached, no child is started
        assertTrue(live.reload());
        assertEquals(checked, check.lastPid(), "an unchanged set does not start a JVM");
    }

    @Test
    void a_child_that_overruns_is_destroyed_by_its_pid_and_the_set_rejected() throws Exception {
        Rulebook rb = Fixtures.shipped();
        // no time at all to start: the parent's deadline ends it, not the child's own watchdog
        ChildScenarioCheck check = new ChildScenarioCheck(null, PER_SCENARIO, Duration.ofMillis(1));
        long t0 = System.nanoTime();
        ScenarioRunner.Run run = check.run(rb, Fixtures.RULES, Fixtures.KNOWLEDGE);
        assertTrue(seconds(t0) < 60, seconds(t0) + " s");
        assertFalse(run.complete());
        assertTrue(run.failures().toString().contains("its check process was destroyed"), run.failures().toString());
        assertFalse(ProcessHandle.of(check.lastPid()).map(ProcessHandle::isAlive).orElse(false), "the child is gone");
        assertEquals(List.of(), childrenRunningScenarios());
    }

    @Test
    void a_child_reports_every_scenario_with_the_rules_it_fired() {
        Rulebook rb = Fixtures.shipped();
        ChildScenarioCheck check = new ChildScenarioCheck(null, ScenarioRunner.DEADLINE, Duration.ofMinutes(2));
        ScenarioRunner.Run child = check.run(rb, Fixtures.RULES, Fixtures.KNOWLEDGE);
        ScenarioRunner.Run here = ScenarioCheck.inProcess(ScenarioRunner.DEADLINE).run(rb, Fixtures.RULES, Fixtures.KNOWLEDGE);
        assertTrue(child.complete());
        assertEquals(rb.knowledge().scenarios().size(), child.results().size());
        assertEquals(here, child, "the child's verdicts and firings are this process's");
    }

    @Test
    void when_no_child_can_start_the_scenarios_run_here() {
        Rulebook rb = Fixtures.shipped();
        String classPath = System.getProperty("java.class.path");
        System.setProperty("java.class.path", "");
        try {
            ChildScenarioCheck check = new ChildScenarioCheck(null, ScenarioRunner.DEADLINE, Duration.ofMinutes(2));
            ScenarioRunner.Run run = check.run(rb, Fixtures.RULES, Fixtures.KNOWLEDGE);
            assertEquals(-1, check.lastPid(), "no child started");
            assertTrue(run.complete());
            assertEquals(List.of(), run.failures());
        } finally {
            System.setProperty("java.class.path", classPath);
        }
    }

    @Test
    void a_child_halts_when_its_parent_lets_go_of_it_even_inside_an_action_that_never_returns() throws Exception {
        // a stopped serve ends its JVM, which closes the child's stdin: the child must not run on alone
        Path root = Fixtures.copyRunbooks(dir);
        Files.writeString(root.resolve("rules/zz-spin.drl"), SPIN);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ScenarioChild.class.getName(), root.resolve("rules").toString(),
                root.resolve("knowledge").toString(), "-", "600000").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            // compiled: from here on it runs the scenarios, one of which spins until its 10-minute deadline
            String line = out.readLine();
            while (line != null && !line.contains("\"compiled\"")) line = out.readLine();
            assertTrue(line != null, "the child compiled the set");
            long t0 = System.nanoTime();
            p.getOutputStream().close();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child halts once its parent lets go");
            assertEquals(3, p.exitValue());
            assertTrue(seconds(t0) < 60, seconds(t0) + " s");
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * Processes this JVM started, still running, that were not running before the test (by pid:
     * a process's arguments cannot always be read here).
     */
    private List<Long> childrenRunningScenarios() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .filter(pid -> !before.contains(pid)).toList();
    }

    private Set<Long> before;

    @org.junit.jupiter.api.BeforeEach
    void processesBefore() {
        before = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** Threads of this JVM inside a rule's action, or reading a check process. */
    static Set<String> threadsInRules() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive())
                .filter(e -> e.getKey().getName().startsWith("scenario-")
                        || List.of(e.getValue()).stream().anyMatch(f -> f.getClassName().contains("Rule_")))
                .map(e -> e.getKey().getName()).collect(Collectors.toSet());
    }
}
