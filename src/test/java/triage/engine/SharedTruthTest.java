package triage.engine;

import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import triage.Fixtures;
import triage.model.Observation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two sessions on one new rule base, interleaved as two concurrent requests can be: the first
 * logical insert in one session must not break facts another session inserted before it.
 */
class SharedTruthTest {

    @Test
    void aLogicalInsertInOneSessionLeavesAnotherSessionsFactsUpdatable() throws Exception {
        Rulebook rb = Fixtures.load(Fixtures.RULES, Fixtures.KNOWLEDGE);
        KieSession before = rb.kieBase().newKieSession();
        KieSession inferring = rb.kieBase().newKieSession();
        try {
            FactHandle h = before.insert(new Observation("disk-full", true, "", Observation.TEXT));

            // "login works" makes a rule logically insert "requests reach the services"
            inferring.insert(new Observation("login-works", true, "", Observation.TEXT));
            inferring.fireAllRules();
            assertTrue(inferring.getObjects(o -> o instanceof Observation ob && ob.getSource().equals(Observation.INFERRED))
                    .stream().findAny().isPresent(), "the bundled rules no longer infer from a working login");

            assertDoesNotThrow(() -> before.update(h, new Observation("disk-full", false, "", Observation.TEXT)));
            assertDoesNotThrow(() -> before.delete(h));
        } finally {
            before.dispose();
            inferring.dispose();
        }
    }
}
