package triage.engine;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.model.Cause;
import triage.model.Diagnosis;
import triage.model.Observation;
import triage.model.RuleRef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnoserTest {
    private final Triage triage = Fixtures.triage();

    private static Observation said(String symptom, boolean present) {
        return new Observation(symptom, present, symptom, Observation.TEXT);
    }

    @Test
    void login_failure_suspects_rethinkdb_then_the_load_balancer() {
        Diagnosis d = triage.answer(Said.texts(List.of("nobody can log in"))).diagnosis();
        assertEquals("rethinkdb", d.causes().get(0).component());
        assertEquals("load-balancer", d.causes().get(1).component());
        assertTrue(d.causes().get(0).confidence() > d.causes().get(1).confidence(), d.causes().toString());
        assertFalse(d.settled(), "one statement does not settle it");
        assertEquals("requests-reach-services", d.nextChecks().get(0).id(), "the check that splits the two comes first");
    }

    @Test
    void login_failure_with_requests_arriving_blames_rethinkdb_and_rules_out_the_load_balancer() {
        Diagnosis d = triage.answer(Said.texts(List.of("login fails", "requests are reaching the api"))).diagnosis();
        Cause top = d.top();
        assertEquals("rethinkdb", top.component());
        double alone = triage.answer(Said.texts(List.of("login fails"))).diagnosis().top().confidence();
        assertTrue(top.confidence() > alone, "requests arriving strengthen it: " + top.confidence() + " vs " + alone);
        assertEquals(List.of("login fails", "requests reach the services"), top.because());
        assertEquals("Login fails but requests arrive: RethinkDB", top.rule());
        assertEquals("placeos", top.runbook());
        assertTrue(d.causes().stream().noneMatch(c -> c.component().equals("load-balancer")));
        Cause lb = d.ruledOut().stream().filter(c -> c.component().equals("load-balancer")).findFirst().orElseThrow();
        assertEquals(List.of("requests reach the services"), lb.against());
    }

    @Test
    void every_cause_cites_rules_that_exist_at_their_file_and_line() throws Exception {
        Diagnosis d = triage.answer(Said.texts(List.of("the module list won't load", "triggers fail", "dig shows the wrong address"))).diagnosis();
        assertTrue(d.causes().size() >= 3);
        for (Cause c : d.causes()) {
            assertFalse(c.rules().isEmpty(), c.component());
            for (RuleRef r : c.rules()) {
                List<String> lines = Files.readAllLines(Path.of(r.file()));
                assertTrue(lines.get(r.line() - 1).contains("rule \"" + r.name() + "\""), r + " does not point at its rule");
                assertTrue(r.source() != null && !r.source().isBlank(), r + " has no seed source");
            }
        }
    }

    @Test
    void a_withdrawn_observation_takes_everything_it_justified_with_it() {
        Rulebook rb = Fixtures.shipped();
        Diagnoser diagnoser = new Diagnoser();
        Observation loginFails = said("login-works", false);
        Diagnosis before = diagnoser.diagnose(rb, List.of(loginFails), List.of(), Set.of(), List.of());
        assertEquals("rethinkdb", before.top().component());
        Diagnosis after = diagnoser.diagnose(rb, List.of(said("modules-load", false)), List.of(loginFails), Set.of(), List.of());
        assertEquals(List.of("redis"), after.causes().stream().map(Cause::component).toList());
        assertTrue(after.ruledOut().isEmpty());
    }

    @Test
    void an_inferred_observation_gives_way_to_what_a_person_says() {
        Diagnosis inferred = triage.answer(Said.texts(List.of("login works"))).diagnosis();
        assertTrue(inferred.understood().stream().anyMatch(u -> u.getSymptom().equals("requests-reach-services") && u.getSource().equals("inferred")));
        Diagnosis contradicted = triage.answer(Said.texts(List.of("login works", "requests are not reaching the services"))).diagnosis();
        assertTrue(contradicted.understood().stream().noneMatch(u -> u.getSource().equals("inferred")
                && u.getSymptom().equals("requests-reach-services")));
    }

    @Test
    void with_nothing_observed_the_first_question_is_the_seeds_first() {
        Diagnosis d = triage.answer(Said.texts(List.of("everything is on fire, help"))).diagnosis();
        assertTrue(d.causes().isEmpty());
        assertEquals("login-works", d.nextChecks().get(0).id());
    }

    @Test
    void the_tree_moves_on_as_answers_come_in() {
        assertEquals("backoffice-lists-systems", triage.answer(Said.texts(List.of("I can log in"))).diagnosis().nextChecks().get(0).id());
        assertEquals("modules-load", triage.answer(Said.texts(List.of("backoffice lists the systems"))).diagnosis().nextChecks().get(0).id());
    }

    @Test
    void naming_a_system_asks_from_its_own_runbook_first() {
        Diagnosis d = triage.answer(Said.texts(List.of("our django site on kubernetes is acting up"))).diagnosis();
        // the web stack named: its own questions, and none of PlaceOS's
        assertTrue(triage.knowledge().runbooks().get("web-stack").tree().contains(d.nextChecks().get(0).id()),
                d.nextChecks().toString());
        assertTrue(d.nextChecks().stream().noneMatch(c -> c.id().equals("login-works")), d.nextChecks().toString());
    }

    @Test
    void unrelated_text_gives_no_cause_and_is_reported_unrecognized() {
        Diagnosis d = triage.answer(Said.texts(List.of("what is the weather like in Lisbon"))).diagnosis();
        assertTrue(d.causes().isEmpty());
        assertEquals(List.of("what is the weather like in Lisbon"), d.unrecognized());
    }

    @Test
    void a_message_about_things_no_runbook_covers_asks_nothing_back() {
        Answer a = triage.answer(Said.texts(List.of("the espresso machine on floor two is leaking again")));
        assertTrue(a.diagnosis().causes().isEmpty());
        assertTrue(a.diagnosis().nextChecks().isEmpty(), a.diagnosis().nextChecks()::toString);
        assertEquals(List.of("the espresso machine on floor two is leaking again"), a.unrecognized());
        // nor does a "yes" about it answer the question the conversation had open
        Answer reply = triage.answer(Said.text("yes, the hdmi one").inConversation(List.of(), Set.of(), "login-works"));
        assertTrue(reply.heard().isEmpty(), reply.heard()::toString);
    }

    @Test
    void that_the_backend_is_down_alone_names_no_component_but_asks_what_tells_them_apart() {
        Diagnosis d = triage.answer(Said.texts(List.of("the whole backend is down"))).diagnosis();
        assertTrue(d.causes().isEmpty(), d.causes()::toString);
        assertFalse(d.nextChecks().isEmpty());
        // with anything more said, the causes are named
        assertFalse(triage.answer(Said.texts(List.of("the whole backend is down", "a pod in the stack is crashlooping")))
                .diagnosis().causes().isEmpty());
    }

    @Test
    void evidence_against_alone_implicates_nothing() {
        Diagnosis d = triage.answer(Said.texts(List.of("redis is healthy", "etcd is up"))).diagnosis();
        assertTrue(d.causes().isEmpty());
        assertNull(d.top());
    }

    @Test
    void a_rule_that_never_settles_is_stopped(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Fixtures.copyRunbooks(dir);
        Files.writeString(dir.resolve("rules/loop.drl"), """
                package triage.rules;
                import triage.model.Observation;
                rule "Loops forever"
                    @source("test")
                when
                    $o : Observation(symptom == "login-works")
                then
                    update($o);
                end
                """);
        Rulebook rb = Fixtures.load(dir.resolve("rules"), dir.resolve("knowledge"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Diagnoser()
                .diagnose(rb, List.of(said("login-works", true)), List.of(), Set.of(), List.of()));
        assertTrue(e.getMessage().contains("loops"), e.getMessage());
    }

    @Test
    void aCheckIsWorthTheSameWhateverOrderTheCertaintiesComeIn() {
        // a value on the edge of the rounding that ranks checks must not depend on hash order
        Map<String, Double> abc = new LinkedHashMap<>(), cba = new LinkedHashMap<>();
        abc.put("a", 0.1); abc.put("b", 0.2); abc.put("c", 0.3);
        cba.put("c", 0.3); cba.put("b", 0.2); cba.put("a", 0.1);
        List<String> components = List.of("a", "b", "c");
        double[] p0 = NextChecks.belief(components, Map.of());
        double h0 = NextChecks.entropy(p0);
        assertEquals(NextChecks.gain(components, p0, h0, true, abc, Map.of()),
                NextChecks.gain(components, p0, h0, true, cba, Map.of()));
    }

    @Test
    void an_answer_the_suspects_make_likely_weighs_more_than_one_they_make_unlikely() {
        // "a" leads "b". Check X settles it for "a" on yes, check Y settles it for "b" on yes; a
        // "no" to either changes nothing. Both move the suspects as far, but under the suspects
        // X's decisive answer is the likely one, so X is worth more
        List<String> components = List.of("a", "b");
        Map<String, Double> now = Map.of("a", 0.6, "b", 0.3);
        double[] p0 = NextChecks.belief(components, now);
        double h0 = NextChecks.entropy(p0);
        double x = NextChecks.gain(components, p0, h0, false, Map.of("a", 0.95, "b", 0.0), now);
        double y = NextChecks.gain(components, p0, h0, false, Map.of("a", 0.0, "b", 0.95), now);
        assertTrue(x > y, "settling on the likely leader (" + x + ") is worth more than on the outsider (" + y + ")");
        assertTrue(y > 0);
    }
}
