package triage.simulate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import triage.Fixtures;
import triage.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator itself: the person it plays, the scores it computes, a conversation through the real engine. */
class SimulateTest {
    private static final Profile REDIS = new Profile("redis-named", "redis", "placeos", "redis is down",
            Map.of("login-works", true, "modules-load", false, "redis-healthy", false, "execute-works", false,
                    "requests-reach-services", true),
            Set.of("websockets-work"));

    @Test
    void engineer_answers_yes_and_no_from_its_profile_in_everyday_words() {
        Engineer e = new Engineer(REDIS, 0, 7);
        for (int i = 0; i < 20; i++) {
            Engineer.Answer yes = e.answer("login-works");
            assertEquals(Boolean.TRUE, yes.value());
            assertFalse(yes.flipped());
            assertTrue(Engineer.YES.contains(yes.text()), yes.text());
            Engineer.Answer no = e.answer("modules-load");
            assertEquals(Boolean.FALSE, no.value());
            assertTrue(Engineer.NO.contains(no.text()), no.text());
        }
    }

    @Test
    void engineer_is_not_sure_of_what_it_cannot_check_or_the_profile_does_not_mention() {
        Engineer e = new Engineer(REDIS, 0.5, 7);
        for (String s : List.of("websockets-work", "memory-growing")) {
            Engineer.Answer a = e.answer(s);
            assertNull(a.value(), s);
            assertFalse(a.flipped());
            assertTrue(Engineer.NOT_SURE.contains(a.text()), a.text());
        }
    }

    @Test
    void engineer_turns_answers_around_at_the_configured_rate_and_the_same_seed_repeats_it() {
        Engineer e = new Engineer(REDIS, 0.2, 42);
        List<Boolean> said = new ArrayList<>();
        int flipped = 0;
        for (int i = 0; i < 5000; i++) {
            Engineer.Answer a = e.answer("login-works");
            said.add(a.value());
            if (a.flipped()) {
                flipped++;
                assertEquals(Boolean.FALSE, a.value());
            }
        }
        assertTrue(flipped > 900 && flipped < 1100, "flipped " + flipped + " of 5000 at 0.2");
        Engineer again = new Engineer(REDIS, 0.2, 42);
        List<Boolean> repeat = new ArrayList<>();
        for (int i = 0; i < 5000; i++) repeat.add(again.answer("login-works").value());
        assertEquals(said, repeat);
        Engineer other = new Engineer(REDIS, 0.2, 43);
        List<Boolean> differ = new ArrayList<>();
        for (int i = 0; i < 5000; i++) differ.add(other.answer("login-works").value());
        assertFalse(said.equals(differ));
    }

    @Test
    void brier_and_expected_calibration_error_on_a_hand_made_list() {
        List<Calibration.Point> points = List.of(new Calibration.Point(0.9, true), new Calibration.Point(0.9, false),
                new Calibration.Point(0.3, false), new Calibration.Point(0.35, true));
        // (0.1^2 + 0.9^2 + 0.3^2 + 0.65^2) / 4
        assertEquals(0.333125, Calibration.brier(points), 1e-9);
        // bin [0.9, 1.0]: accuracy 0.5, confidence 0.9; bin [0.3, 0.4): accuracy 0.5, confidence 0.325; each half the points
        assertEquals(0.5 * 0.4 + 0.5 * 0.175, Calibration.ece(points), 1e-9);
        // confidence 1.0 falls in the last bin, and a perfectly calibrated list scores 0
        assertEquals(0.0, Calibration.ece(List.of(new Calibration.Point(1.0, true), new Calibration.Point(0.0, false))), 1e-9);
        assertTrue(Double.isNaN(Calibration.ece(List.of())));
    }

    @Test
    void a_profile_whose_opening_names_the_fault_is_diagnosed_right_through_the_conversation_engine() {
        var rules = Fixtures.triage();
        Simulation sim = new Simulation(new ConversationBot(rules), ConversationBot.fixedOrder(rules.rules().current()), 12);
        Outcome o = sim.play(new Engineer(REDIS, 0, 1), Simulation.Order.ENGINE, 0);
        assertEquals("redis", o.top(), o.transcript().toString());
        assertTrue(o.right() && o.concluded(), o.transcript().toString());
        assertTrue(o.confidence() >= 0.75, o.transcript().toString());
        assertEquals("person", o.transcript().get(0).who());
        assertEquals("redis is down", o.transcript().get(0).text());
    }

    @Test
    void the_fixed_order_states_the_runbook_tree_in_order_through_the_same_engine() {
        var rules = Fixtures.triage();
        FixedOrder fixed = ConversationBot.fixedOrder(rules.rules().current());
        List<String> tree = rules.rules().current().knowledge().runbooks().get("placeos").tree();
        assertEquals(tree, fixed.of("placeos").subList(0, tree.size()));
        Profile p = new Profile("vague", "redis", "placeos", "something is broken in placeos",
                Map.of("login-works", true, "requests-reach-services", true, "backoffice-lists-systems", true,
                        "modules-load", false, "redis-healthy", false), Set.of());
        Outcome o = new Simulation(new ConversationBot(rules), fixed, 3).play(new Engineer(p, 0, 1), Simulation.Order.FIXED, 0);
        List<String> said = o.transcript().stream().filter(l -> l.who().equals("person")).map(Outcome.Line::text).toList();
        assertEquals(List.of("something is broken in placeos", "login works", "requests reach the services",
                "Backoffice shows the systems"), said, o.transcript().toString());
        assertEquals(3, o.questions());
        assertEquals(0, o.unread());
    }

    @Test
    void simulate_prints_the_table_and_fails_a_target_it_misses(@TempDir Path dir) throws Exception {
        Path faults = dir.resolve("faults.yaml");
        Files.writeString(faults, """
                faults:
                  - id: redis-named
                    component: redis
                    stack: placeos
                    opening: "redis is down"
                    answers:
                      redis-healthy: no
                      modules-load: no
                      login-works: yes
                    unknowable: [websockets-work]
                """);
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, run(out, err, "simulate", "--faults", faults.toString(), "--min-right", "1", "--max-ece", "0.5"));
        assertTrue(out.toString().contains("redis-named"), out.toString());
        assertTrue(out.toString().contains("1 passed, 0 failed"), out.toString());
        assertEquals(1, run(new StringWriter(), err, "simulate", "--faults", faults.toString(), "--min-right", "2"));
        assertTrue(err.toString().contains("target not met: right and concluded 1.0 < --min-right 2"), err.toString());
    }

    @Test
    void help_lists_the_targets_under_their_own_heading() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "simulate", "--help"));
        String help = out.toString();
        int heading = help.indexOf("Targets (exit 1 if one is not met):");
        assertTrue(heading > 0, help);
        for (String target : List.of("--min-right=N", "--min-right-rate=X", "--max-ece=X", "--max-brier=X", "--max-question-ratio=X")) {
            assertTrue(help.indexOf("      " + target) > heading, target + " under the heading:\n" + help);
        }
        assertTrue(help.indexOf("      --wrong=P") < heading, help);
    }

    @Test
    void a_malformed_profile_is_named_not_thrown(@TempDir Path dir) throws Exception {
        Path faults = dir.resolve("bad.yaml");
        Files.writeString(faults, "faults:\n  - id: x\n    component: redis\n    stack: placeos\n    opening: hi\n"
                + "    answers: {redis-healthy: maybe}\n");
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "simulate", "--faults", faults.toString()));
        assertTrue(err.toString().contains("fault x: answer to 'redis-healthy' must be yes or no, not 'maybe'"), err.toString());
        assertThrows(IllegalArgumentException.class, () -> Profiles.read(List.of(dir.resolve("missing.yaml"))));
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }
}
