package triage.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import triage.engine.Said;
import triage.Fixtures;
import triage.engine.Triage;
import triage.knowledge.Scenario;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.ProbeResult;
import triage.model.RuleRef;
import triage.model.Observation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The body written field by field is, byte for byte, what Jackson made of the maps it replaced. */
class JsonViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One view for the whole test, as one server has: the second body of an outcome comes from what it remembers. */
    private final JsonView view = new JsonView();

    private String written(Diagnosis d, boolean explain, List<ProbeResult> probes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            view.write(g, d, MapViews.K, explain, probes);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private String pretty(Diagnosis d, boolean explain, List<ProbeResult> probes) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            view.write(g, d, MapViews.K, explain, probes);
        }
        return out.toString();
    }

    private void assertSame(Diagnosis d, boolean explain, List<ProbeResult> probes) throws IOException {
        Object maps = MapViews.of(d, explain, probes);
        assertEquals(new String(JSON.writeValueAsBytes(maps), StandardCharsets.UTF_8), written(d, explain, probes));
        assertEquals(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(maps), pretty(d, explain, probes));
    }

    @Test
    void every_scenario_is_written_as_the_maps_were() throws IOException {
        Triage triage = Fixtures.triage();
        List<Scenario> scenarios = triage.rules().current().knowledge().scenarios();
        assertTrue(scenarios.size() > 10, "scenarios: " + scenarios.size());
        int withCauses = 0;
        for (Scenario s : scenarios) {
            List<String> said = s.observations().isEmpty() ? List.of("nothing in particular") : s.observations();
            Diagnosis d = triage.answer(Said.texts(said)).diagnosis();
            if (!d.causes().isEmpty() && !d.nextChecks().isEmpty()) withCauses++;
            assertSame(d, false, null);
            assertSame(d, true, null);
            // a remembered outcome: the same body again
            assertSame(triage.answer(Said.texts(said)).diagnosis(), true, null);
        }
        assertTrue(withCauses > 5, "scenarios with causes and checks: " + withCauses);
    }

    @Test
    void nulls_odd_numbers_escapes_and_probes_are_written_as_the_maps_were() throws IOException {
        RuleRef ref = new RuleRef("a \"quoted\" rule", null, "rules/x.drl", 7, "tab\there, line\nbreak, caf\u00e9, \u2603, \uD83D\uDE80");
        Cause odd = new Cause("c<1>", "C", null, 0.1 + 0.2, List.of("x", "\u0001"), List.of(), null, null, List.of(ref),
                null, "</script>");
        Cause tiny = new Cause("c2", "C2", "t", 1e-7, List.of(), Arrays.asList("y", null), "rb", "r", List.of(), "role", "next");
        Cause nan = new Cause("c3", "C3", "t", Double.NaN, List.of(), List.of(), "rb", "r", List.of(), "role", "next");
        Diagnosis d = new Diagnosis(List.of(odd, tiny, nan), List.of(tiny), List.of(new Check("id", "q?", null, 0.5)),
                List.of(new Observation("s", false, "it's \\ broken", "text")), List.of("\u00e9\u00e8"),
                List.of(new Diagnosis.Firing("r", null, List.of("o1", "o2"), null)));
        List<ProbeResult> probes = List.of(
                new ProbeResult("redis", "redis://127.0.0.1:6379", ProbeResult.Status.UP, "PONG", 3, false, true, List.of()),
                new ProbeResult("etcd", null, ProbeResult.Status.TIMEOUT, null, Long.MAX_VALUE, true, false, null));
        for (boolean explain : new boolean[] {false, true}) {
            assertSame(d, explain, null);
            assertSame(d, explain, probes);
            assertSame(d, explain, List.of());
        }
        Diagnosis empty = new Diagnosis(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertSame(empty, true, List.of());
    }

    @Test
    void a_list_that_can_still_change_is_written_as_it_is_now() throws IOException {
        Cause first = new Cause("a", "A", "t", 0.6, List.of("x"), List.of(), "rb", "r", List.of(), "role", "next");
        Cause second = new Cause("b", "B", "t", 0.4, List.of("y"), List.of(), "rb", "r", List.of(), "role", "next");
        List<Cause> causes = new java.util.ArrayList<>(List.of(first));
        Diagnosis d = new Diagnosis(causes, List.of(), List.of(), List.of(), List.of(), List.of());
        String before = written(d, false, null);
        causes.add(second);
        assertSame(d, false, null);
        org.junit.jupiter.api.Assertions.assertNotEquals(before, written(d, false, null));
    }
}
