package triage.http;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import triage.engine.LiveRulebook;
import triage.engine.Runbooks;
import triage.engine.Triage;
import triage.ops.Metrics;
import triage.render.OpsViews;
import triage.render.RulesView;
import triage.render.RunbookView;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

/** What operators use: the page, health, metrics, the OpenAPI document, the runbooks and a reload. */
final class OpsRoutes implements EndpointGroup {
    private final Triage triage;
    private final LiveRulebook rules;
    private final Metrics metrics;
    private final Replies replies;
    private final boolean admin;
    private final Startup startup;
    private final WebPage page = new WebPage();
    private final byte[] openapi = OpenApi.document();

    /** @param admin whether admin paths exist (only with an API token: without one anybody could trigger them) */
    OpsRoutes(Triage triage, Metrics metrics, Replies replies, boolean admin, Startup startup) {
        this.startup = startup;
        this.triage = triage;
        this.rules = triage.rules();
        this.metrics = metrics;
        this.replies = replies;
        this.admin = admin;
    }

    @Override public void addEndpoints() {
        get("/", ctx -> page.serve(ctx, "index.html"));
        get("/app.js", ctx -> page.serve(ctx, "app.js"));
        get("/app.css", ctx -> page.serve(ctx, "app.css"));
        get("/healthz", this::health);
        get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        get("/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
        post("/api/admin/reload", this::reload);
        get("/api/runbooks", ctx -> replies.json(ctx, RunbookView.All.of(status(), triage.runbooks())));
        get("/api/runbooks/{id}", this::runbook);
    }

    private RulesView status() { return RulesView.of(rules.status()); }

    /** 200 "ok" once serving; 503 "starting" (readiness) while the first rule set loads. */
    private void health(Context ctx) {
        LiveRulebook.Status s = rules.status();
        if (startup.ready() && s.serving()) {
            replies.json(ctx, OpsViews.Health.ok(RulesView.of(s)));
            return;
        }
        ctx.status(503);
        replies.json(ctx, new OpsViews.Health("starting", new RulesView(s.revision(), s.source(), s.offered(),
                s.loadedAt() == null ? null : s.loadedAt().toString(), s.error() == null ? null : String.join("\n", s.error()))));
    }

    private void reload(Context ctx) {
        if (!admin) throw new HttpResponseException(404, "admin paths are off; set TRIAGE_API_TOKEN to enable them");
        boolean swapped = rules.reload();
        ctx.status(swapped ? 200 : 422);
        replies.json(ctx, new OpsViews.Reload(swapped, status()));
    }

    private void runbook(Context ctx) {
        String id = ctx.pathParam("id");
        Runbooks.Entry e = triage.runbooks().get(id)
                .orElseThrow(() -> new HttpResponseException(404, "no runbook '" + id + "'; see GET /api/runbooks"));
        replies.json(ctx, RunbookView.of(e, true));
    }
}
