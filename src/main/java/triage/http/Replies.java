package triage.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import triage.render.OpsViews;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Writes response bodies: JSON straight to UTF-8 bytes, and the one error shape. */
final class Replies {
    /** Marks a response whose error body we wrote, so the 404 fallback leaves it alone. */
    private static final String OWN_ERROR = "triage.error";

    /** Bodies above this are written to a buffer of their own, so no thread keeps a large one. */
    private static final int KEPT = 64 * 1024;
    /**
     * Each request thread's buffer for the body being written, handed to Javalin as the result
     * itself: a request's response is written on its own thread once its handlers have run, before
     * that thread takes another request, and a second body for the same request (an error after
     * all) replaces the first as the result. No copy is made per request (a fresh 4 KiB buffer,
     * grown and then copied, was a tenth of the bytes a remembered diagnosis allocated).
     */
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private final ObjectMapper mapper;

    Replies(ObjectMapper mapper) { this.mapper = mapper; }

    /** A byte buffer that can be emptied and kept. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() { super(4096); }

        boolean large() { return buf.length > KEPT; }

        /** What was written, read from this buffer itself: good until it is next reset. */
        InputStream contents() { return new ByteArrayInputStream(buf, 0, count); }
    }

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
        ctx.contentType(ContentType.APPLICATION_JSON).result(write(body).contents());
    }

    /** As {@link #json(Context, Body)}, and returns a copy of the body sent, to send again ({@link #json(Context, byte[])}). */
    byte[] jsonKept(Context ctx, Body body) {
        Buffer out = write(body);
        ctx.contentType(ContentType.APPLICATION_JSON).result(out.contents());
        return out.toByteArray();
    }

    /** {@code body} written to this thread's buffer (which it keeps unless it grew large). */
    private Buffer write(Body body) {
        Buffer out = BUFFERS.get();
        out.reset();
        try (JsonGenerator g = mapper.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (out.large()) BUFFERS.remove();
        }
        return out;
    }

    /** Sends {@code body}, JSON already written ({@link #jsonKept}); it is not changed afterwards. */
    void json(Context ctx, byte[] body) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(body);
    }

    /** Sends {@code text} as UTF-8 with {@code mediaType} (a ticket comment). */
    void text(Context ctx, String mediaType, String text) {
        ctx.contentType(mediaType + "; charset=utf-8").result(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
