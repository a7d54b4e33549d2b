package triage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;

/**
 * The reference for the HTTP figures: a bare Javalin app that parses the same JSON body and
 * writes it back, configured like {@code triage serve} (same Javalin, same Jackson, same JVM
 * flags, same loopback), so the ratio shows what Triage's own work costs.
 *
 * <p>{@code java -cp triage-bench.jar triage.bench.EchoServer [PORT]} prints
 * {@code listening on http://127.0.0.1:N} like {@code serve}.
 */
public final class EchoServer {
    private EchoServer() {}

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        ObjectMapper mapper = new ObjectMapper();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = 64 * 1024;
            config.jsonMapper(new JavalinJackson(mapper, false));
        });
        app.post("/api/diagnose", ctx -> {
            JsonNode body = mapper.readTree(ctx.bodyAsBytes());
            ctx.json(body);
        });
        app.start("127.0.0.1", port);
        System.out.println("listening on http://127.0.0.1:" + app.port());
        System.out.flush();
    }
}
