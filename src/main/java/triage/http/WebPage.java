package triage.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The web chat page: three files from the jar, read once, served with a strict content security policy. */
final class WebPage {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> files;

    WebPage() {
        this.files = Map.of("index.html", read("index.html"), "app.js", read("app.js"), "app.css", read("app.css"));
    }

    private static byte[] read(String name) {
        try (InputStream in = WebPage.class.getResourceAsStream("/web/" + name)) {
            if (in == null) throw new IllegalStateException("web/" + name + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx, String name) {
        ctx.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .contentType(TYPES.get(name))
                .result(files.get(name));
    }
}
