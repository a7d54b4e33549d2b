package triage.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and checks request bodies; every problem becomes an {@link ApiError} a person can act on. */
final class Requests {
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_OBSERVATIONS = 50;
    static final int MAX_TEXT = 2000;

    private Requests() {}

    static JsonNode json(Context ctx, ObjectMapper mapper) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "send the body as JSON with Content-Type: application/json");
        }
        byte[] body = body(ctx);
        if (body.length == 0) throw new ApiError(400, "the body is empty; send a JSON object");
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) throw new ApiError(400, "the body must be a JSON object");
            return node;
        } catch (JacksonException e) {
            throw new ApiError(400, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ApiError(400, "the body could not be read");
        }
    }

    /**
     * The body, read straight into an array of its declared length (Javalin's own read goes through
     * a growing buffer); without a declared length (chunked), at most one byte over the limit is
     * read, which is enough to refuse it.
     */
    static byte[] body(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > MAX_BODY) throw tooLarge();
        byte[] body;
        try {
            body = ctx.req().getInputStream().readNBytes(declared >= 0 ? (int) declared : MAX_BODY + 1);
        } catch (java.io.IOException e) {
            throw new ApiError(400, "the body could not be read");
        }
        if (body.length > MAX_BODY) throw tooLarge();
        return body;
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "the body is over the limit of " + MAX_BODY / 1024 + " KiB");
    }

    /** A required list of 1..{@value #MAX_OBSERVATIONS} non-blank strings. */
    static List<String> texts(JsonNode body, String field) {
        JsonNode arr = body.get(field);
        if (arr == null || arr.isNull()) throw new ApiError(400, "'" + field + "' is missing: send a list of sentences");
        if (!arr.isArray()) throw new ApiError(400, "'" + field + "' must be a list of strings");
        if (arr.isEmpty()) throw new ApiError(400, "'" + field + "' is empty: send at least one sentence");
        if (arr.size() > MAX_OBSERVATIONS) {
            throw new ApiError(400, "'" + field + "' has " + arr.size() + " entries; at most " + MAX_OBSERVATIONS);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode n = arr.get(i);
            if (!n.isTextual()) throw new ApiError(400, "'" + field + "[" + i + "]' must be a string");
            out.add(text(n.asText(), field + "[" + i + "]"));
        }
        return out;
    }

    static String text(String s, String what) {
        if (s.isBlank()) throw new ApiError(400, "'" + what + "' is blank");
        if (s.length() > MAX_TEXT) throw new ApiError(400, "'" + what + "' is " + s.length() + " characters; at most " + MAX_TEXT);
        return s;
    }

    static boolean flag(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return false;
        if (!n.isBoolean()) throw new ApiError(400, "'" + field + "' must be true or false");
        return n.booleanValue();
    }
}
