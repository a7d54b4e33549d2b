package triage.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import triage.knowledge.Knowledge;
import triage.model.Cause;
import triage.model.Remedy;
import triage.model.Check;
import triage.model.Diagnosis;
import triage.model.Maybe;
import triage.model.Observation;
import triage.model.ProbeResult;
import triage.model.RuleRef;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code /api/diagnose} response body (API.md) and its parts, written field by field to a
 * Jackson generator. Every request answers with one, so no maps are built in between for Jackson
 * to look its serializers up in; the fields come out in the order written here, which is the
 * contract's.
 *
 * <p>One instance per writer of bodies (the HTTP server, a command): it remembers causes and checks
 * already written (see {@link #remembered}). The parts that remember nothing are static.
 */
public final class JsonView {
    private static final JsonFactory COMPACT = new JsonFactory();
    /**
     * Causes and checks as written before, by the identity of their immutable list (a remembered
     * outcome hands out the same one each time); an entry goes with its list, or when full.
     */
    private final Cache<List<?>, SerializedString> written = Caffeine.newBuilder().weakKeys().maximumSize(2048)
            .executor(Runnable::run).build();

    /**
     * The body, with what the live checks found as {@code probes} (left out when {@code probes} is
     * null); {@code k} gives each observation's words.
     */
    public void write(JsonGenerator g, Diagnosis d, Knowledge k, boolean explain, List<ProbeResult> probes)
            throws IOException {
        g.writeStartObject();
        g.writeFieldName("causes");
        causes(g, d.causes());
        g.writeFieldName("ruledOut");
        causes(g, d.ruledOut());
        g.writeFieldName("nextChecks");
        remembered(g, d.nextChecks(), x -> {
            x.writeStartArray();
            for (Check c : d.nextChecks()) check(x, c);
            x.writeEndArray();
        });
        g.writeFieldName("understood");
        understood(g, d.understood(), k);
        strings(g, "unrecognized", d.unrecognized());
        maybe(g, d.maybe());
        if (d.remedy() != null) {
            g.writeFieldName("remedy");
            remedy(g, d.remedy());
        }
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
    public void causes(JsonGenerator g, List<Cause> causes) throws IOException {
        remembered(g, causes, x -> {
            x.writeStartArray();
            for (Cause c : causes) cause(x, c);
            x.writeEndArray();
        });
    }

    /**
     * Causes and checks as written before, by value: in an outage many people report the same
     * things, the engine remembers the outcome, and its causes and checks (most of a body's bytes)
     * are then written once rather than field by field each time. Only into a compact UTF-8
     * generator, as an HTTP body is written (a pretty printer lays out what it writes itself);
     * bounded. Only an immutable list ({@code List.copyOf} gives back the list itself) of
     * immutable records is known by identity: it always writes the same. Comparing lists by value
     * cost more than writing them (every cause's evidence hashed and compared).
     */
    private void remembered(JsonGenerator g, List<?> value, Part part) throws IOException {
        if (value.isEmpty() || !(g instanceof UTF8JsonGenerator) || g.getPrettyPrinter() != null
                || List.copyOf(value) != value) {
            part.write(g);
            return;
        }
        SerializedString raw = written.getIfPresent(value);
        if (raw == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512 * value.size());
            try (JsonGenerator x = COMPACT.createGenerator(out)) {
                x.setFeatureMask(g.getFeatureMask());
                x.setHighestNonEscapedChar(g.getHighestEscapedChar());
                x.setCharacterEscapes(g.getCharacterEscapes());
                part.write(x);
            }
            raw = new SerializedString(out.toString(StandardCharsets.UTF_8));
            written.put(value, raw);
        }
        g.writeRawValue(raw);
    }

    @FunctionalInterface
    private interface Part {
        void write(JsonGenerator g) throws IOException;
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

    /** What to do about a settled cause: {@code {"component", "title", "steps": [...], "source"}}. */
    public static void remedy(JsonGenerator g, Remedy r) throws IOException {
        g.writeStartObject();
        g.writeStringField("component", r.component());
        g.writeStringField("title", r.title());
        strings(g, "steps", r.steps());
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

    /** A list of what was understood, as {@code understood} holds it, each in {@code k}'s words. */
    public static void understood(JsonGenerator g, List<Observation> understood, Knowledge k) throws IOException {
        g.writeStartArray();
        for (Observation u : understood) {
            g.writeStartObject();
            g.writeStringField("text", u.getText());
            g.writeStringField("symptom", u.getSymptom());
            g.writeBooleanField("present", u.isPresent());
            g.writeStringField("source", u.getSource());
            g.writeStringField("label", k.label(u));
            String via = u.getVia();
            if (via != null) g.writeStringField("via", via);
            if (u.getExample() != null) {
                g.writeStringField("example", u.getExample());
                similarity(g, u.getSimilarity());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Texts close to a symptom's example but not close enough: questions worth asking, not counted. */
    static void maybe(JsonGenerator g, List<Maybe> maybe) throws IOException {
        g.writeArrayFieldStart("maybe");
        for (Maybe m : maybe) {
            g.writeStartObject();
            g.writeStringField("text", m.text());
            g.writeStringField("symptom", m.symptom());
            g.writeBooleanField("present", m.present());
            g.writeStringField("label", m.label());
            g.writeStringField("question", m.question());
            g.writeStringField("example", m.example());
            similarity(g, m.similarity());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** How close a text came to a symptom's example, as {@code understood} and {@code maybe} give it: to three decimals. */
    private static void similarity(JsonGenerator g, double similarity) throws IOException {
        g.writeNumberField("similarity", Math.round(similarity * 1000) / 1000.0);
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) g.writeString(s);
        g.writeEndArray();
    }
}
