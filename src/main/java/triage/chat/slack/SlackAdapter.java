package triage.chat.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.JsonNode;
import triage.chat.ChatAdapters;
import triage.chat.ChatParts;
import triage.chat.ChatService;
import triage.util.Urls;
import triage.conversation.Conversations;
import triage.conversation.Turn;
import triage.web.Bodies;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.javalin.apibuilder.ApiBuilder.post;

/**
 * Slack's Events API, the {@code /triage} slash command and the Yes / No buttons, translated to and
 * from the conversation engine. Every request is checked against Slack's signature on its raw
 * bytes before anything in it is read.
 *
 * <ul>
 * <li>{@code POST /slack/events}: {@code url_verification}; {@code app_mention}, and {@code message}
 *     in a DM or in a thread the bot already answers in. Acknowledged at once; each {@code event_id}
 *     is taken once (Slack retries); the answer goes into the thread by {@code chat.postMessage}.
 *     The conversation is the channel plus the thread ({@code thread_ts}, else {@code ts}).</li>
 * <li>{@code POST /slack/commands}: {@code /triage <what you see>}, answered in the response within
 *     Slack's 3 s, <em>ephemeral</em>: the conversation is this person's in this channel, so the guesses
 *     and buttons are theirs; to work it out together, mention the bot in a thread.</li>
 * <li>{@code POST /slack/interactions}: a Yes / No click answers the question in the conversation the
 *     button belongs to, replaces the buttons with the recorded answer ({@code response_url}), then
 *     posts the next turn.</li>
 * </ul>
 */
public final class SlackAdapter implements AutoCloseable, ChatAdapters.Startable {
    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

    /**
     * @param apiUrl Slack's Web API base ({@code SLACK_API_URL})
     * @param commandDeadline how long a slash command waits for its answer before saying it is still thinking
     */
    public record Settings(String signingSecret, String botToken, URI apiUrl, Duration connectTimeout,
                           Duration requestTimeout, int attempts, Duration backoff, Duration commandDeadline,
                           String appToken, Duration pace, Duration socketBackoff) {
        public static final String DEFAULT_API_URL = "https://slack.com/api";

        /** The HTTP endpoints only, posts paced at one a second per channel. */
        public Settings(String signingSecret, String botToken, URI apiUrl, Duration connectTimeout, Duration requestTimeout,
                        int attempts, Duration backoff, Duration commandDeadline) {
            this(signingSecret, botToken, apiUrl, connectTimeout, requestTimeout, attempts, backoff, commandDeadline, null,
                    SlackWebApi.DEFAULT_PACE, Duration.ofSeconds(1));
        }

        /** Production deadlines: 3 s to connect, 5 s a call, 3 tries half a second apart (doubling), 2.5 s for a command. */
        public static Settings of(String signingSecret, String botToken, String apiUrl) {
            return of(signingSecret, botToken, apiUrl, null);
        }

        /** The same, with Socket Mode when {@code appToken} is set (reconnects from 1 s, doubling to 30 s). */
        public static Settings of(String signingSecret, String botToken, String apiUrl, String appToken) {
            return new Settings(signingSecret, botToken, apiUrl(apiUrl), Duration.ofSeconds(3), Duration.ofSeconds(5), 3,
                    Duration.ofMillis(500), Duration.ofMillis(2500), appToken, SlackWebApi.DEFAULT_PACE, Duration.ofSeconds(1));
        }

        /** How the Web API is called: its base, the bot token, the deadlines and the tries. */
        SlackWebApi.Settings webApi() {
            return new SlackWebApi.Settings(apiUrl, botToken, connectTimeout, requestTimeout, attempts, backoff);
        }

        static URI apiUrl(String url) {
            return Urls.http("SLACK_API_URL", url == null || url.isBlank() ? DEFAULT_API_URL : url, DEFAULT_API_URL);
        }
    }

    private final SlackParts parts;
    private final SlackSignature signature;
    private final SlackWebApi api;
    private final SlackBlocks blocks;
    private final SlackEvents events;
    private final SlackButtons buttons;
    private final Duration commandDeadline;
    private final SlackSocketMode socket;

    public SlackAdapter(Settings settings, ChatParts shared) {
        this.signature = settings.signingSecret() == null ? null : new SlackSignature(settings.signingSecret(), shared.clock());
        this.api = new SlackWebApi(settings.webApi(), shared.json(), settings.pace());
        this.blocks = new SlackBlocks(shared.json());
        this.parts = new SlackParts(shared, api, blocks);
        this.events = new SlackEvents(parts);
        this.buttons = new SlackButtons(parts);
        this.commandDeadline = settings.commandDeadline();
        this.socket = settings.appToken() == null ? null : new SlackSocketMode(settings.appToken(), settings.apiUrl(), shared.json(),
                new SlackSocketMode.Handlers(payload -> events.take(payload, "over the socket"), this::commandEnvelope,
                        buttons::take), settings.connectTimeout(), settings.socketBackoff(), Duration.ofSeconds(30));
    }

    /** Whether requests come over HTTP (a signing secret is set). */
    public boolean hasEndpoints() { return signature != null; }

    /** Whether Socket Mode is on (an app-level token is set). */
    public boolean socketMode() { return socket != null; }

    /** Opens the Socket Mode connection, if it is on. */
    @Override public void start() {
        if (socket != null) socket.start();
    }

    /** Whether the Socket Mode connection is open now. */
    boolean socketConnected() { return socket != null && socket.connected(); }

    /** The three Slack paths, for the one {@code Javalin.create} block. */
    public EndpointGroup routes() {
        return () -> {
            post("/slack/events", ctx -> signed(ctx, events::handle));
            post("/slack/commands", ctx -> signed(ctx, this::command));
            post("/slack/interactions", ctx -> signed(ctx, buttons::handle));
        };
    }

    public boolean canPost() { return api.hasToken(); }

    /** Waits until every reply under way has been posted or given up on; false if that took longer than {@code max}. */
    boolean awaitSent(Duration max) throws InterruptedException { return api.awaitIdle(max); }

    /** Lets the replies under way go out (for a few seconds), then stops posting. */
    @Override public void close() {
        if (socket != null) socket.close();
        api.close();
    }

    // ---- requests -------------------------------------------------------------------------------

    /** What a path does with a body whose signature holds. */
    @FunctionalInterface
    private interface Signed {
        void handle(Context ctx, byte[] body);
    }

    /** Hands the raw body on once its signature holds; Slack's unsigned ssl_check is answered 200 here. */
    private void signed(Context ctx, Signed handler) {
        byte[] body = verified(ctx);
        if (body != null) handler.handle(ctx, body);
    }

    /** The raw body once its signature holds; null when it was Slack's unsigned ssl_check (answered 200). */
    private byte[] verified(Context ctx) {
        byte[] body = Bodies.read(ctx);
        if (ctx.header(SlackSignature.SIGNATURE) == null && Bodies.isForm(ctx)
                && "1".equals(Bodies.form(body).get("ssl_check"))) {
            ctx.status(200);
            return null;
        }
        try {
            signature.verify(ctx.header(SlackSignature.TIMESTAMP), ctx.header(SlackSignature.SIGNATURE), body);
        } catch (SlackSignature.Rejected e) {
            log.info("{} {}: refused: {}", ctx.method(), ctx.path(), e.getMessage());
            throw new HttpResponseException(401, e.getMessage());
        }
        return body;
    }

    private void command(Context ctx, byte[] body) {
        if (!Bodies.isForm(ctx)) throw new HttpResponseException(415, "slash commands come form-encoded");
        Map<String, String> form = Bodies.form(body);
        String team = SlackText.part(form.get("team_id"), "team_id");
        String channel = SlackText.part(form.get("channel_id"), "channel_id");
        String user = SlackText.part(form.get("user_id"), "user_id");
        String conversation = "slack:" + team + ":" + channel + ":u:" + user;
        String responseUrl = form.get("response_url");
        String text = SlackText.plain(form.getOrDefault("text", ""));
        CompletableFuture<Turn> pending;
        try {
            pending = parts.chat().answerAsync(conversation, text);
        } catch (ChatService.Busy e) {
            ctx.json(SlackText.ephemeral(blocks.plain("I am busy with other questions; try again in a moment.")));
            return;
        }
        try {
            Turn turn = pending.get(commandDeadline.toMillis(), TimeUnit.MILLISECONDS);
            ctx.json(SlackText.ephemeral(blocks.message(turn, conversation)));
            log.info("slack command: conversation {} answered ({})", conversation, SlackText.summary(turn));
        } catch (TimeoutException e) {
            // Slack gives up after 3 s: say so now, answer through response_url when done
            ctx.json(SlackText.ephemeral(blocks.plain("Still thinking; the answer will appear here in a moment.")));
            pending.whenComplete((turn, error) -> later(conversation, responseUrl, turn, error));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Conversations.TooLong tl) {
                ctx.json(SlackText.ephemeral(blocks.plain(tl.getMessage())));
            } else {
                throw new IllegalStateException("slack command failed", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpResponseException(503, "interrupted; try again");
        }
    }

    /**
     * A slash command that came over Socket Mode: the envelope is acknowledged already, so the
     * answer always goes to its {@code response_url}.
     */
    private void commandEnvelope(JsonNode p) {
        String team = SlackText.part(p.path("team_id").asText(null), "team_id");
        String channel = SlackText.part(p.path("channel_id").asText(null), "channel_id");
        String user = SlackText.part(p.path("user_id").asText(null), "user_id");
        String conversation = "slack:" + team + ":" + channel + ":u:" + user;
        String responseUrl = p.path("response_url").asText(null);
        try {
            parts.chat().answerAsync(conversation, SlackText.plain(p.path("text").asText("")))
                    .whenComplete((turn, error) -> later(conversation, responseUrl, turn, error));
        } catch (ChatService.Busy e) {
            later(conversation, responseUrl, null, e);
        }
    }

    private void later(String conversation, String responseUrl, Turn turn, Throwable error) {
        if (responseUrl == null) {
            log.warn("conversation {}: slow answer not delivered: the command had no response_url", conversation);
            return;
        }
        ObjectNode m = turn != null ? blocks.message(turn, conversation)
                : blocks.plain(error instanceof Conversations.TooLong ? error.getMessage()
                        : error instanceof ChatService.Busy ? "I am busy with other questions; try again in a moment."
                        : "Sorry, that went wrong; try again.");
        api.respond(conversation, responseUrl, SlackText.ephemeral(m));
    }

}
