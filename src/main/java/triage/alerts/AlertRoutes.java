package triage.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import triage.web.Bodies;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.javalin.apibuilder.ApiBuilder.post;

/**
 * {@code POST /api/alerts/alertmanager}: Alertmanager's webhook (version 4). Under {@code /api/},
 * so the API token and the rate limit apply (Alertmanager's {@code http_config.authorization}).
 * The payload is checked whole before anything is done with it: a bad one gets a 4xx and posts
 * nothing. A good one is answered 202 at once and worked on in the background.
 */
public final class AlertRoutes {
    public static final String PATH = "/api/alerts/alertmanager";

    private final AlertDesk desk;
    private final ObjectMapper mapper;

    public AlertRoutes(AlertDesk desk, ObjectMapper mapper) {
        this.desk = desk;
        this.mapper = mapper;
    }

    public EndpointGroup routes() {
        return () -> post(PATH, this::alertmanager);
    }

    void alertmanager(Context ctx) {
        if (!Bodies.isJson(ctx)) throw new HttpResponseException(415, "send the body as JSON with Content-Type: application/json");
        JsonNode body = Bodies.object(Bodies.read(ctx), mapper, "the body");
        Notification n;
        try {
            n = Notification.parse(body);
        } catch (Notification.Invalid e) {
            throw new HttpResponseException(400, e.getMessage());
        }
        if (!desk.accept(n)) {
            ctx.header("Retry-After", "5");
            throw new HttpResponseException(503, "too many alert notifications waiting; Alertmanager will send it again");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "accepted");
        out.put("alerts", n.alerts().size());
        ctx.status(202).json(out);
    }
}
