package triage.engine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import triage.Fixtures;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every scenario in knowledge/scenarios is a test: the runbooks are tested like code. */
class ScenarioTest {
    @TestFactory
    Stream<DynamicTest> every_scenario_passes() {
        Rulebook rb = Fixtures.shipped();
        assertFalse(rb.knowledge().scenarios().isEmpty(), "no scenarios found");
        return rb.knowledge().scenarios().stream().map(s -> DynamicTest.dynamicTest(s.file() + ": " + s.name(),
                () -> assertNull(ScenarioRunner.run(rb, s).failure(), () -> s + " -> " + ScenarioRunner.run(rb, s).failure())));
    }
}
