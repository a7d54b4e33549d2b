package triage.engine;

import org.junit.jupiter.api.Test;
import triage.Fixtures;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenChecksTest {
    private final Diagnoser diagnoser = new Diagnoser();

    private static Observation answer(String symptom, boolean present) {
        return new Observation(symptom, present, symptom, Observation.ANSWER);
    }

    private static Diagnosis placeos(Observation... said) {
        List<Observation> observations = new ArrayList<>();
        observations.add(new Observation("execute-works", false, "executes come back with an error", Observation.TEXT));
        observations.addAll(List.of(said));
        return new Diagnoser().diagnose(Fixtures.shipped(), observations, List.of(), Set.of("placeos"), List.of());
    }

    @Test
    void with_the_seeds_order_spent_and_no_suspect_the_stack_is_still_searched() {
        // every step of the PlaceOS tree answered, and what was found points at none of the
        // components the tree's steps name: the components left (Redis, the drivers) still have
        // checks worth asking, so the conversation does not end with nothing to ask
        Diagnosis d = placeos(answer("login-works", true), answer("requests-reach-services", true),
                answer("backoffice-lists-systems", true), answer("modules-load", true),
                answer("single-driver-fails", false), answer("core-running", true), answer("etcd-healthy", true),
                answer("execute-error-no-core", false), answer("execute-error-etcd", false));
        assertTrue(d.causes().isEmpty(), d.causes().toString());
        assertFalse(d.nextChecks().isEmpty(), "nothing left to ask while Redis and the drivers are unchecked");
        Set<String> placeos = Set.copyOf(Fixtures.shipped().scope(Set.of("placeos")).reads());
        for (Check c : d.nextChecks()) {
            assertTrue(placeos.contains(c.id()), c.id() + " is no question of the conversation's stack");
            assertTrue(c.value() > 0, c + " has no value");
        }
    }

    @Test
    void a_check_splitting_the_candidates_evenly_is_worth_a_bit_and_one_moving_none_nothing() {
        double[] prior = OpenChecks.prior(List.of("a", "b"), java.util.Map.of());
        double h0 = NextChecks.entropy(prior);
        assertEquals(1.0, h0, 1e-9);
        assertEquals(1.0, OpenChecks.gain(prior, h0, new double[] {1.0 - 1e-12, 1e-12}), 1e-6);
        assertEquals(0.0, OpenChecks.gain(prior, h0, new double[] {0.85, 0.85}), 1e-9);
        // a noisy answer tells less than a clean one
        assertTrue(OpenChecks.gain(prior, h0, new double[] {0.9, 0.1}) < OpenChecks.gain(prior, h0, new double[] {0.99, 0.01}));
    }

    @Test
    void the_prior_is_near_uniform_bent_by_what_was_said() {
        double[] p = OpenChecks.prior(List.of("a", "b", "c"), java.util.Map.of("a", -1.0, "b", 0.5));
        assertEquals(0.0, p[0], 1e-9, "ruled out");
        assertEquals(0.6, p[1], 1e-9, "suspected weakly weighs more");
        assertEquals(0.4, p[2], 1e-9, "unspoken of: the uniform share");
    }

    @Test
    void no_core_instance_registered_while_etcd_answers_the_api_does_not_settle_on_core() {
        // core cut off from etcd leaves the keys missing too: core's own check (is it running?) is asked first
        Diagnosis d = placeos(answer("modules-load", true), answer("execute-error-no-core", true),
                answer("etcd-healthy", true), answer("core-registered", false));
        assertFalse(d.settled() && "core".equals(d.top().component()), "settled on core: " + d.top());
        assertEquals("core-running", d.nextChecks().get(0).id(), d.nextChecks().toString());
    }

    @Test
    void core_running_with_no_instance_registered_points_at_its_link_to_etcd() {
        Diagnosis d = placeos(answer("modules-load", true), answer("execute-error-no-core", true),
                answer("etcd-healthy", true), answer("core-registered", false), answer("core-running", true));
        assertEquals("etcd", d.top().component(), d.causes().toString());
    }
}
