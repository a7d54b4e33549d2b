package triage.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import triage.Fixtures;
import triage.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void ask_prints_the_likely_cause_why_and_the_next_check() {
        assertEquals(0, run("ask", "nobody can log in to backoffice"));
        String text = out.toString();
        assertTrue(text.matches("(?s)Most likely RethinkDB failure \\(0\\.\\d\\d\\): login fails\\..*"), text);
        assertTrue(text.matches("(?s).*Also possible:\n  Load balancer issue \\(0\\.\\d\\d\\).*"), text);
        assertTrue(text.contains("Next check: Are requests reaching the services?"), text);
    }

    @Test
    void ask_json_prints_the_api_body_and_explain_prints_the_firings() throws Exception {
        assertEquals(0, run("ask", "--json", "--explain", "can't log in"));
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals("rethinkdb", body.get("causes").get(0).get("component").asText());
        assertEquals("Login fails: RethinkDB holds authentication", body.get("firings").get(0).get("rule").asText());
    }

    @Test
    void lint_passes_on_the_shipped_runbooks() {
        assertEquals(0, run("lint", "--rules", "rules", "--knowledge", "knowledge"), out + "" + err);
        assertTrue(out.toString().startsWith("ok: "), out.toString());
    }

    @Test
    void publish_refuses_a_set_whose_action_spins_naming_the_rule(@TempDir Path dir) throws Exception {
        Fixtures.copyRunbooks(dir);
        Files.writeString(dir.resolve("rules/zz-spin.drl"), Fixtures.SPINNING_RULE);
        java.util.Set<Long> running = ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        long t0 = System.nanoTime();
        // lint runs before etcd is reached: nothing listens there, and nothing needs to
        int code = run("publish", "--rules", dir.resolve("rules").toString(), "--knowledge", dir.resolve("knowledge").toString(),
                "--etcd", "http://127.0.0.1:9", "--scenario-timeout", "2000");
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertEquals(1, code, out + "" + err);
        assertTrue(err.toString().contains("rule 'Spins on login'") && err.toString().contains("not published"), err.toString());
        assertTrue(seconds < 100, "refused within a bounded time: " + seconds + " s");
        assertEquals(java.util.List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).filter(pid -> !running.contains(pid)).toList(), "no check process is left");
    }

    @Test
    void lint_fails_with_file_and_line_on_a_broken_rule(@TempDir Path dir) throws Exception {
        Fixtures.copyRunbooks(dir);
        Path f = dir.resolve("rules/placeos.drl");
        Files.writeString(f, Files.readString(f) + "\nrule \"Broken\" when Observation( then end\n");
        assertEquals(1, run("lint", dir.toString()));
        assertTrue(out.toString().matches("(?s).*placeos\\.drl:\\d+(:\\d+)?: .*"), out.toString());
    }

    @Test
    void lint_reports_a_rule_no_scenario_fires(@TempDir Path dir) throws Exception {
        Fixtures.copyRunbooks(dir);
        Path f = dir.resolve("rules/web-stack.drl");
        Files.writeString(f, Files.readString(f) + """

                rule "Never exercised"
                when
                    Observation(symptom == "backend-down", present == false)
                    Observation(symptom == "dns-resolves-as-expected", present == false)
                then
                    insertLogical(Evidence.suspect("dns", 0.1));
                end
                """);
        assertEquals(1, run("lint", dir.toString(), "--json"));
        assertTrue(out.toString().contains("'Never exercised' is fired by no scenario"), out.toString());
    }

    @Test
    void a_blank_observation_gets_a_clear_message() {
        assertEquals(2, run("ask", "  "));
        assertTrue(err.toString().contains("blank"), err.toString());
        assertFalse(err.toString().contains("Exception"));
    }

    @Test
    void missing_runbooks_get_a_clear_message(@TempDir Path dir) {
        assertEquals(1, run("ask", "--rules", dir.resolve("none").toString(), "login fails"));
        assertTrue(err.toString().contains("not found"), err.toString());
    }

    @Test
    void serve_ends_with_the_problems_and_exit_1_without_saying_it_listens_when_the_first_set_does_not_compile(
            @TempDir Path dir)
            throws Exception {
        Fixtures.copyRunbooks(dir);
        Path f = dir.resolve("rules/placeos.drl");
        Files.writeString(f, Files.readString(f) + "\nrule \"Broken\" when Observation( then end\n");
        assertEquals(1, run("serve", "--port", "0", "--no-watch", "--rules", dir.resolve("rules").toString(),
                "--knowledge", dir.resolve("knowledge").toString()), out + "" + err);
        // outside checks start sending at 'listening on': it is said only once the rules answer
        assertFalse(out.toString().contains("listening on"), out.toString());
        assertTrue(err.toString().contains("the runbooks do not load"), err.toString());
        assertTrue(err.toString().matches("(?s).*placeos\\.drl:\\d+(:\\d+)?: .*"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }
}
