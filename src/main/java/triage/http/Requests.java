package triage.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import triage.web.Bodies;

import java.util.ArrayList;
import java.util.List;

/** Reads and checks the API's request bodies; every problem is a 4xx a person can act on. */
final class Requests {
    static final int MAX_OBSERVATIONS = 50;

    private Requests() {}

    /** The body as a JSON object, sent as JSON. */
    static JsonNode json(Context ctx, ObjectMapper mapper) {
        if (!Bodies.isJson(ctx)) throw new HttpResponseException(415, "send the body as JSON with Content-Type: application/json");
        return Bodies.object(Bodies.read(ctx), mapper, "the body");
    }

    /** A required list of 1..{@value #MAX_OBSERVATIONS} non-blank strings. */
    static List<String> texts(JsonNode body, String field) {
        JsonNode arr = body.get(field);
        if (arr == null || arr.isNull()) throw bad("'" + field + "' is missing: send a list of sentences");
        if (!arr.isArray()) throw bad("'" + field + "' must be a list of strings");
        if (arr.isEmpty()) throw bad("'" + field + "' is empty: send at least one sentence");
        if (arr.size() > MAX_OBSERVATIONS) throw bad("'" + field + "' has " + arr.size() + " entries; at most " + MAX_OBSERVATIONS);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode n = arr.get(i);
            if (!n.isTextual()) throw bad("'" + field + "[" + i + "]' must be a string");
            out.add(text(n.asText(), field + "[" + i + "]"));
        }
        return out;
    }

    /** A required non-blank string field of at most {@link Bodies#MAX_TEXT} characters. */
    static String text(JsonNode body, String field, String hint) {
        JsonNode text = body.get(field);
        if (text == null || text.isNull()) throw bad("'" + field + "' is missing: " + hint);
        if (!text.isTextual()) throw bad("'" + field + "' must be a string");
        return text(text.asText(), field);
    }

    private static String text(String s, String what) {
        if (s.isBlank()) throw bad("'" + what + "' is blank");
        if (s.length() > Bodies.MAX_TEXT) throw bad("'" + what + "' is " + s.length() + " characters; at most " + Bodies.MAX_TEXT);
        return s;
    }

    static boolean flag(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return false;
        if (!n.isBoolean()) throw bad("'" + field + "' must be true or false");
        return n.booleanValue();
    }

    static HttpResponseException bad(String message) {
        return new HttpResponseException(400, message);
    }
}
