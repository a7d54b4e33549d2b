package triage.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import triage.render.OpsViews;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes response bodies: JSON straight to UTF-8 bytes, and the one error shape. */
final class Replies {
    /** Marks a response whose error body we wrote, so the 404 fallback leaves it alone. */
    private static final String OWN_ERROR = "triage.error";

    private final ObjectMapper mapper;

    Replies(ObjectMapper mapper) { this.mapper = mapper; }

    /** Writes a JSON body field by field. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * Sends a JSON body written straight to UTF-8 bytes, with the Content-Type {@code ctx.json}
     * sets; {@code ctx.json} goes through a String that Javalin then encodes again.
     */
    void json(Context ctx, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(out.toByteArray());
    }

    /** Sends a view (a record) as Jackson writes it. */
    void json(Context ctx, Object view) {
        json(ctx, g -> mapper.writeValue(g, view));
    }

    /** {@code {"error": message}} with {@code status}. */
    void error(Context ctx, int status, String message) {
        ctx.attribute(OWN_ERROR, Boolean.TRUE);
        ctx.status(status);
        json(ctx, new OpsViews.Error(message));
    }

    /** Whether an error body was already written for this request. */
    boolean wrote(Context ctx) { return ctx.attribute(OWN_ERROR) != null; }
}
