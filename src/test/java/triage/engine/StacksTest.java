package triage.engine;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.model.Cause;
import triage.model.Diagnosis;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which runbooks a conversation keeps to, and what settling brings with it. */
class StacksTest {
    private final Rulebook rb = Fixtures.shipped();
    private static final Set<String> PLACEOS = Set.of("rethinkdb", "etcd", "redis", "elasticsearch", "driver", "core",
            "load-balancer");

    @Test
    void nothing_set_or_named_keeps_every_runbook() {
        assertEquals(rb.knowledge().runbooks().keySet(), rb.runbooksOn(Set.of(), Set.of(), Set.of()));
    }

    @Test
    void a_named_stack_keeps_its_runbook_and_the_general_one() {
        assertEquals(Set.of("web-stack", "distributed"), rb.runbooksOn(Set.of(), Set.of("web-stack"), Set.of()));
        assertEquals(Set.of("placeos", "distributed"), rb.runbooksOn(Set.of(), Set.of("placeos", "distributed"), Set.of()));
    }

    @Test
    void the_deployment_setting_wins_over_what_is_named_outside_it() {
        // the general runbook (cascading failures) applies_to the web stack only: not on a PlaceOS deployment
        assertEquals(Set.of("placeos"), rb.runbooksOn(Set.of("placeos"), Set.of("web-stack"), Set.of()));
        assertEquals(Set.of("placeos", "distributed"), rb.runbooksOn(Set.of("placeos"), Set.of("distributed"), Set.of()),
                "unless what was said names it");
        assertEquals(Set.of("web-stack", "distributed"),
                rb.runbooksOn(Set.of("placeos", "web-stack"), Set.of("web-stack"), Set.of()), "narrowed to the named one");
    }

    @Test
    void a_stack_whose_own_questions_go_twice_unanswered_is_dropped() {
        assertEquals(rb.knowledge().runbooks().keySet(), rb.runbooksOn(Set.of(), Set.of(), Set.of("login-works")), "once is not enough");
        Set<String> on = rb.runbooksOn(Set.of(), Set.of(), Set.of("login-works", "modules-load"));
        assertFalse(on.contains("placeos"), on.toString());
        assertTrue(on.contains("web-stack") && on.contains("distributed"), on.toString());
    }

    @Test
    void questions_the_web_stack_shares_only_with_its_cascades_count_as_its_own() {
        // load and a component down are read by the web stack's rules and by the cascades, which hold
        // on the web stack alone: "not sure" to both says the web stack is not theirs
        assertEquals(Set.of("placeos", "distributed"),
                rb.runbooksOn(Set.of(), Set.of(), Set.of("load-above-normal", "stack-component-down")));
        assertEquals(Set.of("web-stack", "distributed"), rb.runbooksOn(Set.of(), Set.of(), Set.of(),
                Set.of("connection-pool-exhausted", "short-outages")), "and what was reported of the cascades votes for it");
    }

    @Test
    void two_symptoms_of_another_stack_outweigh_a_word_that_named_one() {
        // "the api containers are up" names the web stack (containers read as pods); login failing and
        // requests never arriving are PlaceOS's own; a stack chosen by votes may be a misreading, so the
        // cascades' general knowledge stays in (a trace's slow vendor call beside an "auth.verify" span)
        assertEquals(Set.of("placeos", "distributed"), rb.runbooksOn(Set.of(), Set.of("web-stack"), Set.of(),
                Set.of("login-works", "requests-reach-services", "stack-component-down")));
        assertEquals(Set.of("web-stack", "distributed"), rb.runbooksOn(Set.of(), Set.of("web-stack"), Set.of(),
                Set.of("login-works", "stack-component-down")), "one symptom does not outweigh the word");
        assertEquals(Set.of("web-stack", "distributed"), rb.runbooksOn(Set.of("web-stack"), Set.of("web-stack"), Set.of(),
                Set.of("login-works", "requests-reach-services")), "the deployment's setting stays");
    }

    @Test
    void with_no_stack_named_the_reported_symptoms_vote_for_one() {
        // login fails and most API requests work: both read only by the PlaceOS rules
        assertEquals(Set.of("placeos", "distributed"),
                rb.runbooksOn(Set.of(), Set.of(), Set.of(), Set.of("login-works", "most-api-works", "stack-component-down")));
        assertEquals(Set.of("web-stack", "distributed"), rb.runbooksOn(Set.of(), Set.of(), Set.of(), Set.of("memory-growing")),
                "the cascades' symptoms vote for the one stack they hold on");
        assertEquals(Set.of("placeos", "distributed"), rb.runbooksOn(Set.of(), Set.of(), Set.of(),
                Set.of("login-works", "requests-reach-services", "memory-growing")), "and are outvoted like any other");
        // two of its questions unanswered count against a stack's vote: here, for the other one
        assertEquals(Set.of("placeos", "distributed"), rb.runbooksOn(Set.of(), Set.of(), Set.of("request-queue-growing",
                "all-views-slow"), Set.of("backend-down")));
    }

    @Test
    void a_named_stack_gives_way_when_its_own_questions_go_twice_unanswered() {
        assertEquals(Set.of("web-stack", "distributed"),
                rb.runbooksOn(Set.of(), Set.of("web-stack"), Set.of("request-queue-growing"), Set.of("login-works")));
        assertEquals(Set.of("placeos", "distributed"), rb.runbooksOn(Set.of(), Set.of("web-stack"),
                Set.of("request-queue-growing", "all-views-slow"), Set.of("login-works")));
        assertEquals(Set.of("web-stack", "distributed"), rb.runbooksOn(Set.of("web-stack"), Set.of("web-stack"),
                Set.of("request-queue-growing", "all-views-slow"), Set.of("login-works")), "the deployment's setting stays");
    }

    @Test
    void another_stacks_causes_are_not_raised() {
        Triage web = Fixtures.triage(Set.of("web-stack"));
        Diagnosis d = web.answer(Said.text("nobody can log in")).diagnosis();
        assertTrue(d.causes().isEmpty(), d.causes().toString());
        Diagnosis named = Fixtures.triage().answer(Said.text("the django site is down and nobody can log in")).diagnosis();
        for (Cause c : named.causes()) assertFalse(PLACEOS.contains(c.component()), named.causes().toString());
        assertTrue(named.nextChecks().stream().noneMatch(c -> c.id().equals("login-works")));
        // a channel's own setting, carried by Said, wins over the deployment's
        Diagnosis channel = web.answer(Said.text("nobody can log in").onStacks(Set.of("placeos"))).diagnosis();
        assertEquals("rethinkdb", channel.top().component());
    }

    @Test
    void a_settled_diagnosis_carries_the_remedy_with_its_seed_section() {
        Triage t = Fixtures.triage();
        Diagnosis strong = t.answer(Said.texts(List.of("login fails", "requests reach the api"))).diagnosis();
        assertNull(strong.remedy(), "strong, but its own check not yet answered");
        assertEquals("rethinkdb-healthy", strong.nextChecks().get(0).id());
        Diagnosis d = t.answer(Said.texts(List.of("login fails", "requests reach the api", "rethinkdb is down"))).diagnosis();
        assertTrue(d.settled());
        assertNotNull(d.remedy());
        assertEquals("rethinkdb", d.remedy().component());
        assertTrue(d.remedy().source().contains("RethinkDB Failure"), d.remedy().source());
        assertFalse(d.remedy().steps().isEmpty());
    }

    @Test
    void set_aside_questions_are_not_asked_again_while_others_are_left() {
        Triage t = Fixtures.triage();
        Said first = Said.text("nobody can log in");
        String q = t.answer(first).diagnosis().nextChecks().get(0).id();
        Answer a = t.answer(Said.text("not sure").inConversation(t.answer(first).observations(), Set.of(), q));
        assertEquals(q, a.setAsideNow());
        assertEquals(Set.of(q), a.setAside());
        assertTrue(a.diagnosis().nextChecks().stream().noneMatch(c -> c.id().equals(q)), a.diagnosis().nextChecks().toString());
    }

    @Test
    void the_first_message_does_not_confirm_what_it_raised() {
        Triage t = Fixtures.triage();
        // the whole case in one message: strong, but its own check was not made for it yet
        Diagnosis one = t.answer(Said.text("app crawls and the db cpu graph spikes")).diagnosis();
        assertEquals("database", one.top().component());
        assertFalse(one.settled(), one.nextChecks().toString());
        assertFalse(one.nextChecks().isEmpty());
    }

    @Test
    void it_does_not_settle_while_one_answer_could_put_another_cause_first() {
        Triage t = Fixtures.triage();
        Diagnosis d = t.answer(Said.texts(List.of("all views are slow", "rds cpu is maxed out",
                "the database is what the workers wait on"))).diagnosis();
        assertEquals("database", d.top().component());
        assertFalse(d.settled(), "jobs at peak would make the database their victim");
        assertEquals("background-jobs-at-peak", d.nextChecks().get(0).id());
        Diagnosis jobs = t.answer(Said.texts(List.of("all views are slow", "rds cpu is maxed out",
                "the database is what the workers wait on", "a cron job runs during the busiest hours"))).diagnosis();
        assertEquals("background-jobs", jobs.top().component());
    }
}
