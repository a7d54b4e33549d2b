package triage.chat;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Raw request bodies, bounded like the API's, and the little parsing the platforms need on top. */
public final class Bodies {
    /** The API's limit (64 KiB): platform payloads are far smaller. */
    public static final int MAX_BODY = 64 * 1024;

    private Bodies() {}

    /** The raw bytes, exactly as sent: signatures are computed over these. */
    public static byte[] read(Context ctx) {
        if (ctx.contentLength() > MAX_BODY) throw tooLarge();
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY) throw tooLarge();
        return body;
    }

    private static HttpResponseException tooLarge() {
        return new HttpResponseException(413, "the body is over the limit of " + MAX_BODY / 1024 + " KiB");
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
