package triage.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Request bodies for every path, the API's and the chat platforms': read as they stream in and cut
 * off at {@value #MAX_BODY} bytes, with or without a declared length, before anything (a signature
 * check included) looks at them. Every problem is an {@link HttpResponseException}, the one error
 * type of the HTTP edge, which the server turns into {@code {"error": ...}}.
 */
public final class Bodies {
    /** The most a body may hold (64 KiB): an outage is never described in more, platform payloads are far smaller. */
    public static final int MAX_BODY = 64 * 1024;
    /** The most one sentence a person types may hold. */
    public static final int MAX_TEXT = 2000;

    private Bodies() {}

    /**
     * The raw bytes, exactly as sent (signatures are computed over these). A declared length over
     * the limit is refused before a byte is read; without one (chunked), reading stops one byte
     * past the limit, so no body costs more memory than that whatever its size.
     */
    public static byte[] read(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > MAX_BODY) throw tooLarge();
        byte[] body;
        try {
            InputStream in = ctx.req().getInputStream();
            if (declared < 0) {
                body = in.readNBytes(MAX_BODY + 1);
            } else {
                // into an array of the declared length: one read where the body has come whole
                body = new byte[(int) declared];
                int n = in.readNBytes(body, 0, body.length);
                if (n < body.length) body = java.util.Arrays.copyOf(body, n);
            }
        } catch (IOException e) {
            throw new HttpResponseException(400, "the body could not be read");
        }
        if (body.length > MAX_BODY) throw tooLarge();
        return body;
    }

    private static HttpResponseException tooLarge() {
        return new HttpResponseException(413, "the body is over the limit of " + MAX_BODY / 1024 + " KiB");
    }

    /** {@code body} as a JSON object; {@code what} names it in the error ("the body", "the event"). */
    public static JsonNode object(byte[] body, ObjectMapper mapper, String what) {
        if (body.length == 0) throw new HttpResponseException(400, what + " is empty; send a JSON object");
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) throw new HttpResponseException(400, what + " must be a JSON object");
            return node;
        } catch (JacksonException e) {
            throw new HttpResponseException(400, what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new HttpResponseException(400, what + " could not be read");
        }
    }

    public static boolean isForm(Context ctx) {
        return typeIs(ctx, "application/x-www-form-urlencoded");
    }

    public static boolean isJson(Context ctx) {
        return typeIs(ctx, "application/json");
    }

    private static boolean typeIs(Context ctx, String type) {
        String t = ctx.header("Content-Type");
        return t != null && t.toLowerCase(Locale.ROOT).startsWith(type);
    }

    /** {@code a=1&b=x%20y} as a map; the first of repeated names wins. */
    public static Map<String, String> form(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        String s = new String(body, StandardCharsets.UTF_8);
        if (s.isEmpty()) return out;
        try {
            for (String pair : s.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new HttpResponseException(400, "the form body is not valid URL encoding");
        }
        return out;
    }
}
