package triage.render;

import triage.conversation.Turn;
import triage.knowledge.Knowledge;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.ProbeResult;
import triage.model.RuleRef;
import triage.model.Observation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response bodies as they were built before {@link JsonView} wrote them field by field:
 * plain maps handed to Jackson. Kept as the reference the written bodies must equal byte for byte.
 */
public final class MapViews {
    private MapViews() {}

    /** The knowledge the diagnoses of these tests were made with: each observation's words. */
    static final Knowledge K = triage.Fixtures.shipped().knowledge();

    public static Map<String, Object> of(Diagnosis d, boolean explain, List<ProbeResult> probes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("causes", d.causes().stream().map(MapViews::cause).toList());
        m.put("ruledOut", d.ruledOut().stream().map(MapViews::cause).toList());
        m.put("nextChecks", d.nextChecks().stream().map(MapViews::check).toList());
        m.put("understood", d.understood().stream().map(u -> understood(u, K)).toList());
        m.put("unrecognized", d.unrecognized());
        m.put("maybe", d.maybe().stream().map(MapViews::maybe).toList());
        if (d.remedy() != null) m.put("remedy", remedy(d.remedy()));
        if (probes != null) m.put("probes", probes.stream().map(MapViews::probe).toList());
        if (explain) {
            List<Map<String, Object>> f = new ArrayList<>();
            for (Diagnosis.Firing x : d.firings()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("rule", x.rule());
                e.put("runbook", x.runbook());
                e.put("on", x.on());
                e.put("concluded", x.concluded());
                f.add(e);
            }
            m.put("firings", f);
        }
        return m;
    }

    /** The conversation message body. */
    public static Map<String, Object> turn(Turn turn, String reply) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reply", reply);
        m.put("causes", turn.diagnosis().causes().stream().map(MapViews::cause).toList());
        m.put("ruledOut", turn.diagnosis().ruledOut().stream().map(MapViews::cause).toList());
        m.put("nextCheck", turn.question() == null ? null : check(turn.question()));
        m.put("concluded", turn.concluded());
        if (turn.concluded() && turn.diagnosis().remedy() != null) m.put("remedy", remedy(turn.diagnosis().remedy()));
        if (!turn.notes().isEmpty()) m.put("notes", turn.notes());
        m.put("understood", turn.heard().stream().map(u -> understood(u, turn.knowledge())).toList());
        m.put("maybe", turn.diagnosis().maybe().stream().map(MapViews::maybe).toList());
        m.put("memoryLost", turn.memoryLost());
        return m;
    }

    static Map<String, Object> remedy(triage.model.Remedy r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("component", r.component());
        m.put("title", r.title());
        m.put("steps", r.steps());
        m.put("source", r.source());
        return m;
    }

    static Map<String, Object> cause(Cause c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("component", c.component());
        m.put("name", c.name());
        m.put("title", c.title());
        m.put("confidence", c.confidence());
        m.put("because", c.because());
        m.put("against", c.against());
        m.put("runbook", c.runbook());
        m.put("rule", c.rule());
        m.put("rules", c.rules().stream().map(MapViews::rule).toList());
        m.put("role", c.role());
        m.put("nextStep", c.nextStep());
        return m;
    }

    static Map<String, Object> rule(RuleRef r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("runbook", r.runbook());
        m.put("file", r.file());
        m.put("line", r.line());
        m.put("source", r.source());
        return m;
    }

    static Map<String, Object> check(Check c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("question", c.question());
        m.put("how", c.how());
        return m;
    }

    static Map<String, Object> probe(ProbeResult p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("component", p.component());
        m.put("target", p.target());
        m.put("status", p.status().wire());
        m.put("detail", p.detail());
        m.put("ms", p.ms());
        m.put("cached", p.cached());
        m.put("counted", p.counted());
        return m;
    }

    static Map<String, Object> understood(Observation u, Knowledge k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", u.getText());
        m.put("symptom", u.getSymptom());
        m.put("present", u.isPresent());
        m.put("source", u.getSource());
        m.put("label", k.label(u));
        if (u.getVia() != null) m.put("via", u.getVia());
        if (u.getExample() != null) {
            m.put("example", u.getExample());
            m.put("similarity", Math.round(u.getSimilarity() * 1000) / 1000.0);
        }
        return m;
    }

    static Map<String, Object> maybe(triage.model.Maybe x) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("text", x.text());
        e.put("symptom", x.symptom());
        e.put("present", x.present());
        e.put("label", x.label());
        e.put("question", x.question());
        e.put("example", x.example());
        e.put("similarity", Math.round(x.similarity() * 1000) / 1000.0);
        return e;
    }
}
