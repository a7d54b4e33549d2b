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

import static triage.render.FieldTable.decimal;
import static triage.render.FieldTable.flag;
import static triage.render.FieldTable.integer;
import static triage.render.FieldTable.objects;
import static triage.render.FieldTable.string;
import static triage.render.FieldTable.strings;
import static triage.render.FieldTable.whole;

/**
 * The {@code /api/diagnose} response body (API.md) and its parts, written field by field to a
 * Jackson generator. Every request answers with one, so no maps are built in between for Jackson
 * to look its serializers up in; each record's fields are listed once, in a table ({@link FieldTable})
 * that writes them in the order given there, which is the contract's.
 *
 * <p>One instance per writer of bodies (the HTTP server, a command): it remembers causes and checks
 * already written (see {@link #remembered}). The parts that remember nothing are static.
 */
public final class JsonView {
    private static final JsonFactory COMPACT = new JsonFactory();

    /* The objects of the contract, each record's fields in the order API.md gives them. */
    private static final FieldTable<RuleRef> RULE = FieldTable.of(string("name", RuleRef::name),
            string("runbook", RuleRef::runbook), string("file", RuleRef::file), integer("line", RuleRef::line),
            string("source", RuleRef::source));
    private static final FieldTable<Cause> CAUSE = FieldTable.of(string("component", Cause::component),
            string("name", Cause::name), string("title", Cause::title), decimal("confidence", Cause::confidence),
            strings("because", Cause::because), strings("against", Cause::against),
            string("runbook", Cause::runbook), string("rule", Cause::rule), objects("rules", Cause::rules, RULE),
            string("role", Cause::role), string("nextStep", Cause::nextStep));
    private static final FieldTable<Remedy> REMEDY = FieldTable.of(string("component", Remedy::component),
            string("title", Remedy::title), strings("steps", Remedy::steps), string("source", Remedy::source));
    private static final FieldTable<Check> CHECK = FieldTable.of(string("id", Check::id),
            string("question", Check::question), string("how", Check::how));
    private static final FieldTable<ProbeResult> PROBE = FieldTable.of(string("component", ProbeResult::component),
            string("target", ProbeResult::target), string("status", p -> p.status().wire()),
            string("detail", ProbeResult::detail), whole("ms", ProbeResult::ms),
            flag("cached", ProbeResult::cached), flag("counted", ProbeResult::counted));
    private static final FieldTable<Maybe> MAYBE = FieldTable.of(string("text", Maybe::text),
            string("symptom", Maybe::symptom), flag("present", Maybe::present), string("label", Maybe::label),
            string("question", Maybe::question), string("example", Maybe::example),
            decimal("similarity", m -> rounded(m.similarity())));
    private static final FieldTable<Diagnosis.Firing> FIRING = FieldTable.of(string("rule", Diagnosis.Firing::rule),
            string("runbook", Diagnosis.Firing::runbook), strings("on", Diagnosis.Firing::on),
            string("concluded", Diagnosis.Firing::concluded));

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
        g.writeArrayFieldStart("unrecognized");
        for (String u : d.unrecognized()) g.writeString(u);
        g.writeEndArray();
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
            for (Diagnosis.Firing x : d.firings()) FIRING.write(g, x);
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

    public static void cause(JsonGenerator g, Cause c) throws IOException { CAUSE.write(g, c); }

    /** What to do about a settled cause: {@code {"component", "title", "steps": [...], "source"}}. */
    public static void remedy(JsonGenerator g, Remedy r) throws IOException { REMEDY.write(g, r); }

    public static void check(JsonGenerator g, Check c) throws IOException { CHECK.write(g, c); }

    public static void probe(JsonGenerator g, ProbeResult p) throws IOException { PROBE.write(g, p); }

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
                g.writeNumberField("similarity", rounded(u.getSimilarity()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Texts close to a symptom's example but not close enough: questions worth asking, not counted. */
    static void maybe(JsonGenerator g, List<Maybe> maybe) throws IOException {
        g.writeArrayFieldStart("maybe");
        for (Maybe m : maybe) MAYBE.write(g, m);
        g.writeEndArray();
    }

    /** How close a text came to a symptom's example, as {@code understood} and {@code maybe} give it: to three decimals. */
    private static double rounded(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }
}
