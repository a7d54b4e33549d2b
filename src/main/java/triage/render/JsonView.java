package triage.render;

import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.RuleRef;
import triage.model.Understood;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code /api/diagnose} response body (API.md), as plain maps for Jackson. */
public final class JsonView {
    private JsonView() {}

    public static Map<String, Object> of(Diagnosis d, boolean explain) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("causes", d.causes().stream().map(JsonView::cause).toList());
        m.put("ruledOut", d.ruledOut().stream().map(JsonView::cause).toList());
        m.put("nextChecks", d.nextChecks().stream().map(JsonView::check).toList());
        m.put("understood", d.understood().stream().map(JsonView::understood).toList());
        m.put("unrecognized", d.unrecognized());
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

    public static Map<String, Object> cause(Cause c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("component", c.component());
        m.put("name", c.name());
        m.put("title", c.title());
        m.put("confidence", c.confidence());
        m.put("because", c.because());
        m.put("against", c.against());
        m.put("runbook", c.runbook());
        m.put("rule", c.rule());
        m.put("rules", c.rules().stream().map(JsonView::rule).toList());
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

    public static Map<String, Object> check(Check c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("question", c.question());
        m.put("how", c.how());
        return m;
    }

    public static Map<String, Object> understood(Understood u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", u.text());
        m.put("symptom", u.symptom());
        m.put("present", u.present());
        m.put("source", u.source());
        m.put("label", u.label());
        return m;
    }
}
