package triage.render;

import com.fasterxml.jackson.core.JsonGenerator;
import triage.model.Cause;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.ProbeResult;
import triage.model.RuleRef;
import triage.model.Understood;

import java.io.IOException;
import java.util.List;

/**
 * The {@code /api/diagnose} response body (API.md) and its parts, written field by field to a
 * Jackson generator. Every request answers with one, so no maps are built in between for Jackson
 * to look its serializers up in; the fields come out in the order written here, which is the
 * contract's.
 */
public final class JsonView {
    private JsonView() {}

    /** The body, with what the live checks found as {@code probes} (left out when {@code probes} is null). */
    public static void write(JsonGenerator g, Diagnosis d, boolean explain, List<ProbeResult> probes) throws IOException {
        g.writeStartObject();
        g.writeFieldName("causes");
        causes(g, d.causes());
        g.writeFieldName("ruledOut");
        causes(g, d.ruledOut());
        g.writeArrayFieldStart("nextChecks");
        for (Check c : d.nextChecks()) check(g, c);
        g.writeEndArray();
        g.writeFieldName("understood");
        understood(g, d.understood());
        strings(g, "unrecognized", d.unrecognized());
        if (probes != null) {
            g.writeArrayFieldStart("probes");
            for (ProbeResult p : probes) probe(g, p);
            g.writeEndArray();
        }
        if (explain) {
            g.writeArrayFieldStart("firings");
            for (Diagnosis.Firing x : d.firings()) {
                g.writeStartObject();
                g.writeStringField("rule", x.rule());
                g.writeStringField("runbook", x.runbook());
                strings(g, "on", x.on());
                g.writeStringField("concluded", x.concluded());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A list of causes, as {@code causes} and {@code ruledOut} hold them. */
    public static void causes(JsonGenerator g, List<Cause> causes) throws IOException {
        g.writeStartArray();
        for (Cause c : causes) cause(g, c);
        g.writeEndArray();
    }

    public static void cause(JsonGenerator g, Cause c) throws IOException {
        g.writeStartObject();
        g.writeStringField("component", c.component());
        g.writeStringField("name", c.name());
        g.writeStringField("title", c.title());
        g.writeNumberField("confidence", c.confidence());
        strings(g, "because", c.because());
        strings(g, "against", c.against());
        g.writeStringField("runbook", c.runbook());
        g.writeStringField("rule", c.rule());
        g.writeArrayFieldStart("rules");
        for (RuleRef r : c.rules()) rule(g, r);
        g.writeEndArray();
        g.writeStringField("role", c.role());
        g.writeStringField("nextStep", c.nextStep());
        g.writeEndObject();
    }

    static void rule(JsonGenerator g, RuleRef r) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeStringField("runbook", r.runbook());
        g.writeStringField("file", r.file());
        g.writeNumberField("line", r.line());
        g.writeStringField("source", r.source());
        g.writeEndObject();
    }

    public static void check(JsonGenerator g, Check c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("question", c.question());
        g.writeStringField("how", c.how());
        g.writeEndObject();
    }

    public static void probe(JsonGenerator g, ProbeResult p) throws IOException {
        g.writeStartObject();
        g.writeStringField("component", p.component());
        g.writeStringField("target", p.target());
        g.writeStringField("status", p.status().wire());
        g.writeStringField("detail", p.detail());
        g.writeNumberField("ms", p.ms());
        g.writeBooleanField("cached", p.cached());
        g.writeBooleanField("counted", p.counted());
        g.writeEndObject();
    }

    /** A list of what was understood, as {@code understood} holds it. */
    public static void understood(JsonGenerator g, List<Understood> understood) throws IOException {
        g.writeStartArray();
        for (Understood u : understood) {
            g.writeStartObject();
            g.writeStringField("text", u.text());
            g.writeStringField("symptom", u.symptom());
            g.writeBooleanField("present", u.present());
            g.writeStringField("source", u.source());
            g.writeStringField("label", u.label());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) g.writeString(s);
        g.writeEndArray();
    }
}
