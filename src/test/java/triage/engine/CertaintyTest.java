package triage.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CertaintyTest {
    @Test
    void agreeing_evidence_strengthens_without_reaching_one() {
        assertEquals(0.88, Certainty.combine(List.of(0.6, 0.7)), 1e-9);
        assertEquals(0.6, Certainty.combine(List.of(0.6)), 1e-9);
    }

    @Test
    void disagreeing_evidence_cancels_in_proportion() {
        assertEquals(0.2, Certainty.combine(List.of(0.6, -0.5)), 1e-9);
        assertEquals(-0.5, Certainty.combine(List.of(0.6, -0.8)), 1e-9);
    }

    @Test
    void order_does_not_matter() {
        assertEquals(Certainty.combine(List.of(0.3, -0.4, 0.8, -0.2)), Certainty.combine(List.of(-0.2, 0.8, 0.3, -0.4)), 1e-12);
    }

    @Test
    void a_rule_out_wins() {
        assertEquals(-1.0, Certainty.combine(List.of(0.9, -1.0)), 1e-9);
    }
}
