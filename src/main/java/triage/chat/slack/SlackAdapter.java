package triage.chat.slack;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.chat.Bodies;
import triage.chat.ChatService;
import triage.chat.Deduplicator;
import triage.conversation.ConversationStore;
import triage.conversation.Conversations;
import triage.conversation.Turn;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

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
public final class SlackAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
    /** Slack's ids (T..., C..., U...) and timestamps (1515449522.000016); three of them always fit a conversation id. */
    private static final Pattern ID_PART = Pattern.compile("[A-Za-z0-9.]{1,32}");
    private static final Pattern MENTION = Pattern.compile("<@[A-Za-z0-9]+(\\|[^>]*)?>");
    private static final Pattern CHANNEL = Pattern.compile("<#[A-Za-z0-9]+\\|([^>]*)>");
    private static final Pattern LABELLED = Pattern.compile("<(?:![^|>]*|[a-z]+:[^|>]*)\\|([^>]*)>");
    private static final Pattern SPECIAL = Pattern.compile("<!([a-z]+)>");
    private static final Pattern BARE_LINK = Pattern.compile("<([a-z]+:[^>]*)>");

    /**
     * @param apiUrl Slack's Web API base ({@code SLACK_API_URL})
     * @param commandDeadline how long a slash command waits for its answer before saying it is still thinking
     */
    public record Settings(String signingSecret, String botToken, URI apiUrl, Duration connectTimeout,
                           Duration requestTimeout, int attempts, Duration backoff, Duration commandDeadline) {
        public static final String DEFAULT_API_URL = "https://slack.com/api";

        /** Production deadlines: 3 s to connect, 5 s a call, 3 tries half a second apart (doubling), 2.5 s for a command. */
        public static Settings of(String signingSecret, String botToken, String apiUrl) {
            return new Settings(signingSecret, botToken, apiUrl(apiUrl), Duration.ofSeconds(3), Duration.ofSeconds(5), 3,
                    Duration.ofMillis(500), Duration.ofMillis(2500));
        }

        static URI apiUrl(String url) {
            String u = url == null || url.isBlank() ? DEFAULT_API_URL : url.strip();
            URI uri;
            try {
                uri = URI.create(u);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SLACK_API_URL is not a URL: " + u);
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("SLACK_API_URL must be an http(s) URL, e.g. " + DEFAULT_API_URL);
            }
            return uri;
        }
    }

    private final ChatService chat;
    private final Deduplicator seen;
    private final ObjectMapper json;
    private final SlackSignature signature;
    private final SlackWebApi api;
    private final SlackBlocks blocks;
    private final Duration commandDeadline;
    private volatile String botUserId;
    private volatile long botUserAskedAt;

    public SlackAdapter(Settings settings, ChatService chat, Deduplicator seen, ObjectMapper json, Clock clock) {
        this.chat = Objects.requireNonNull(chat);
        this.seen = Objects.requireNonNull(seen);
        this.json = Objects.requireNonNull(json);
        this.signature = new SlackSignature(settings.signingSecret(), clock);
        this.api = new SlackWebApi(new SlackWebApi.Settings(settings.apiUrl(), settings.botToken(), settings.connectTimeout(),
                settings.requestTimeout(), settings.attempts(), settings.backoff()), json);
        this.blocks = new SlackBlocks(json);
        this.commandDeadline = settings.commandDeadline();
    }

    /** The three Slack paths, for the one {@code Javalin.create} block. */
    public EndpointGroup routes() {
        return () -> {
            post("/slack/events", this::events);
            post("/slack/commands", this::command);
            post("/slack/interactions", this::interaction);
        };
    }

    public boolean canPost() { return api.hasToken(); }

    /** Waits until every reply under way has been posted or given up on; false if that took longer than {@code max}. */
    boolean awaitSent(Duration max) throws InterruptedException { return api.awaitIdle(max); }

    /** Lets the replies under way go out (for a few seconds), then stops posting. */
    @Override public void close() { api.close(); }

    // ---- requests -------------------------------------------------------------------------------

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

    private JsonNode parse(byte[] body, String what) {
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !n.isObject()) throw new HttpResponseException(400, what + " must be a JSON object");
            return n;
        } catch (JacksonException e) {
            throw new HttpResponseException(400, what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new HttpResponseException(400, what + " could not be read");
        }
    }

    private void events(Context ctx) {
        byte[] body = verified(ctx);
        if (body == null) return;
        if (!Bodies.isJson(ctx)) throw new HttpResponseException(415, "Slack events come as JSON (Content-Type: application/json)");
        JsonNode root = parse(body, "the event");
        switch (root.path("type").asText("")) {
            case "url_verification" -> {
                JsonNode challenge = root.get("challenge");
                if (challenge == null || !challenge.isTextual()) throw new HttpResponseException(400, "'challenge' is missing");
                ctx.contentType("text/plain; charset=utf-8").result(challenge.asText());
            }
            case "event_callback" -> accept(ctx, root);
            default -> ctx.status(200); // app_rate_limited and friends: nothing to do
        }
    }

    private void accept(Context ctx, JsonNode root) {
        String eventId = root.path("event_id").asText("");
        if (eventId.isBlank()) throw new HttpResponseException(400, "'event_id' is missing");
        if (!root.path("event").isObject()) throw new HttpResponseException(400, "'event' is missing");
        String once = "slack:event:" + eventId;
        if (!seen.firstSeen(once)) {
            log.info("slack event {}: already taken; retry {} ({}) not answered again", eventId,
                    Objects.requireNonNullElse(ctx.header("X-Slack-Retry-Num"), "-"),
                    Objects.requireNonNullElse(ctx.header("X-Slack-Retry-Reason"), "-"));
            ctx.status(200);
            return;
        }
        try {
            chat.submit(() -> onEvent(eventId, root));
        } catch (ChatService.Busy e) {
            seen.forget(once); // Slack will retry; let that retry through
            throw new HttpResponseException(503, "too busy; try again shortly");
        }
        ctx.status(200);
    }

    private void command(Context ctx) {
        byte[] body = verified(ctx);
        if (body == null) return;
        if (!Bodies.isForm(ctx)) throw new HttpResponseException(415, "slash commands come form-encoded");
        Map<String, String> form = Bodies.form(body);
        String team = part(form.get("team_id"), "team_id");
        String channel = part(form.get("channel_id"), "channel_id");
        String user = part(form.get("user_id"), "user_id");
        String conversation = "slack:" + team + ":" + channel + ":u:" + user;
        String responseUrl = form.get("response_url");
        String text = plain(form.getOrDefault("text", ""));
        CompletableFuture<Turn> pending;
        try {
            pending = chat.answerAsync(conversation, text);
        } catch (ChatService.Busy e) {
            ctx.json(ephemeral(blocks.plain("I am busy with other questions; try again in a moment.")));
            return;
        }
        try {
            Turn turn = pending.get(commandDeadline.toMillis(), TimeUnit.MILLISECONDS);
            ctx.json(ephemeral(blocks.message(turn, conversation)));
            log.info("slack command: conversation {} answered ({})", conversation, summary(turn));
        } catch (TimeoutException e) {
            // Slack gives up after 3 s: say so now, answer through response_url when done
            ctx.json(ephemeral(blocks.plain("Still thinking; the answer will appear here in a moment.")));
            pending.whenComplete((turn, error) -> later(conversation, responseUrl, turn, error));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Conversations.TooLong tl) {
                ctx.json(ephemeral(blocks.plain(tl.getMessage())));
            } else {
                throw new IllegalStateException("slack command failed", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpResponseException(503, "interrupted; try again");
        }
    }

    private void later(String conversation, String responseUrl, Turn turn, Throwable error) {
        if (responseUrl == null) {
            log.warn("conversation {}: slow answer not delivered: the command had no response_url", conversation);
            return;
        }
        ObjectNode m = turn != null ? blocks.message(turn, conversation)
                : blocks.plain(error instanceof Conversations.TooLong ? error.getMessage() : "Sorry, that went wrong; try again.");
        api.respond(conversation, responseUrl, ephemeral(m));
    }

    private void interaction(Context ctx) {
        byte[] body = verified(ctx);
        if (body == null) return;
        if (!Bodies.isForm(ctx)) throw new HttpResponseException(415, "interactions come form-encoded");
        String payload = Bodies.form(body).get("payload");
        if (payload == null) throw new HttpResponseException(400, "'payload' is missing");
        JsonNode p = parse(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), "'payload'");
        if (!"block_actions".equals(p.path("type").asText())) {
            ctx.status(200);
            return;
        }
        JsonNode action = p.path("actions").path(0);
        String actionId = action.path("action_id").asText("");
        if (!SlackBlocks.YES.equals(actionId) && !SlackBlocks.NO.equals(actionId)) {
            ctx.status(200); // not one of our buttons
            return;
        }
        JsonNode value;
        try {
            value = json.readTree(action.path("value").asText(""));
        } catch (JacksonException e) {
            throw new HttpResponseException(400, "the button's value is not Triage's");
        }
        String conversation = value == null ? "" : value.path("c").asText("");
        String question = value == null ? "" : value.path("q").asText("");
        String answer = value == null ? "" : value.path("a").asText("");
        String team = p.path("team").path("id").asText(p.path("user").path("team_id").asText(""));
        JsonNode container = p.path("container");
        String channel = container.path("channel_id").asText(p.path("channel").path("id").asText(""));
        if (!Conversations.validId(conversation) || !conversation.startsWith("slack:" + team + ":" + channel + ":")
                || question.isBlank() || !(answer.equals("yes") || answer.equals("no"))) {
            throw new HttpResponseException(400, "the button does not belong to a conversation in this channel");
        }
        String responseUrl = p.path("response_url").asText("");
        if (responseUrl.isBlank()) throw new HttpResponseException(400, "'response_url' is missing");
        String messageTs = container.path("message_ts").asText(p.path("message").path("ts").asText(""));
        if (messageTs.isBlank()) throw new HttpResponseException(400, "'container.message_ts' is missing");
        String once = "slack:action:" + channel + ":" + messageTs;
        if (!seen.firstSeen(once)) {
            ctx.status(200); // this message's question is answered already (a double click)
            return;
        }
        String user = p.path("user").path("id").asText("");
        String threadTs = container.hasNonNull("thread_ts") ? container.get("thread_ts").asText()
                : p.path("message").hasNonNull("thread_ts") ? p.path("message").get("thread_ts").asText() : null;
        boolean ephemeral = container.path("is_ephemeral").asBoolean(false);
        Click click = new Click(conversation, question, value.path("t").asText(null), answer, user, channel,
                ephemeral ? null : threadTs, responseUrl, p.path("message").path("blocks"));
        try {
            chat.submit(() -> onClick(click));
        } catch (ChatService.Busy e) {
            seen.forget(once);
            throw new HttpResponseException(503, "too busy; click again shortly");
        }
        ctx.status(200);
    }

    // ---- background -----------------------------------------------------------------------------

    private void onEvent(String eventId, JsonNode root) {
        JsonNode e = root.get("event");
        String type = e.path("type").asText("");
        if (!type.equals("app_mention") && !type.equals("message")) return;
        // bots (this one included) and edits, joins, deletions...: never answered
        if (e.hasNonNull("bot_id") || e.hasNonNull("subtype")) return;
        String user = e.path("user").asText("");
        String bot = botUserId(root);
        if (user.isEmpty() || user.equals(bot)) return;
        String team = root.path("team_id").asText(e.path("team").asText(""));
        String channel = e.path("channel").asText("");
        String ts = e.path("ts").asText("");
        String threadTs = e.hasNonNull("thread_ts") ? e.get("thread_ts").asText() : null;
        String thread = threadTs != null ? threadTs : ts;
        if (!ID_PART.matcher(team).matches() || !ID_PART.matcher(channel).matches() || !ID_PART.matcher(thread).matches()) {
            log.warn("slack event {}: ids not as Slack sends them; ignored", eventId);
            return;
        }
        String conversation = "slack:" + team + ":" + channel + ":" + thread;
        String raw = e.path("text").asText("");
        if (type.equals("message") && !"im".equals(e.path("channel_type").asText(""))) {
            if (threadTs == null || threadTs.equals(ts)) return;        // channel chatter outside a thread
            if (bot != null && raw.contains("<@" + bot)) return;         // its app_mention brings this one
            if (!inConversation(conversation)) return;                   // a thread the bot is not in
        }
        ObjectNode reply;
        String outcome;
        try {
            Turn turn = chat.answer(conversation, plain(raw));
            reply = blocks.message(turn, conversation);
            outcome = summary(turn);
        } catch (Conversations.TooLong tl) {
            reply = blocks.plain(tl.getMessage());
            outcome = "too long";
        }
        reply.put("channel", channel);
        reply.put("thread_ts", thread);
        String answered = outcome;
        api.postMessage(conversation, reply).thenAccept(sent -> log.info("slack event {}: conversation {} answered ({}){}",
                eventId, conversation, answered, sent ? "" : ", not delivered"));
    }

    private record Click(String conversation, String question, String questionText, String answer, String user,
                         String channel, String threadTs, String responseUrl, JsonNode original) {}

    private void onClick(Click c) {
        String who = ID_PART.matcher(c.user()).matches() ? "<@" + c.user() + ">" : "Someone";
        Optional<Turn> turn;
        try {
            turn = chat.answerIfOpen(c.conversation(), c.question(), c.answer());
        } catch (Conversations.TooLong tl) {
            api.respond(c.conversation(), c.responseUrl(), ephemeral(blocks.plain(tl.getMessage())));
            return;
        }
        if (turn.isEmpty()) {
            api.respond(c.conversation(), c.responseUrl(), blocks.answered(c.original(), c.questionText(),
                    "_This question is no longer open; the conversation has moved on._"));
            log.info("slack button: conversation {}: question {} no longer open", c.conversation(), c.question());
            return;
        }
        CompletableFuture<Boolean> replaced = api.respond(c.conversation(), c.responseUrl(), blocks.answered(c.original(),
                c.questionText(), who + " answered *" + (c.answer().equals("yes") ? "Yes" : "No") + "*"));
        ObjectNode next = blocks.message(turn.get(), c.conversation());
        if (c.threadTs() != null) {
            next.put("channel", c.channel());
            next.put("thread_ts", c.threadTs());
        } else {
            // an ephemeral (slash command) conversation: the next turn goes to the same person
            ephemeral(next).put("replace_original", false);
        }
        // the next turn after the buttons are replaced, as a person would read them
        replaced.thenCompose(ignored -> c.threadTs() != null ? api.postMessage(c.conversation(), next)
                        : api.respond(c.conversation(), c.responseUrl(), next))
                .thenAccept(sent -> log.info("slack button: conversation {} answered ({}){}", c.conversation(),
                        summary(turn.get()), sent ? "" : ", not delivered"));
    }

    private boolean inConversation(String conversation) {
        try {
            return chat.conversations().knows(conversation);
        } catch (ConversationStore.StoreUnavailable e) {
            log.warn("conversation {}: cannot tell whether the bot is in this thread ({}); not answering", conversation,
                    e.getMessage());
            return false;
        }
    }

    /** The bot's user id: from the event's authorizations, else asked of auth.test (at most once a minute). */
    private String botUserId(JsonNode root) {
        String first = null;
        for (JsonNode a : root.path("authorizations")) {
            String id = a.path("user_id").asText("");
            if (id.isEmpty()) continue;
            if (a.path("is_bot").asBoolean(false)) return id;
            if (first == null) first = id;
        }
        if (first != null) return first;
        if (botUserId == null && System.currentTimeMillis() - botUserAskedAt > 60_000) {
            botUserAskedAt = System.currentTimeMillis();
            api.botUserId().ifPresent(id -> botUserId = id);
        }
        return botUserId;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String part(String value, String field) {
        if (value == null || value.isBlank()) throw new HttpResponseException(400, "'" + field + "' is missing");
        if (!ID_PART.matcher(value).matches()) throw new HttpResponseException(400, "'" + field + "' is not a Slack id");
        return value;
    }

    private static ObjectNode ephemeral(ObjectNode message) {
        message.put("response_type", "ephemeral");
        return message;
    }

    private static String summary(Turn t) {
        var top = t.diagnosis().top();
        return t.kind().name().toLowerCase(java.util.Locale.ROOT) + (top == null ? "" : ", top " + top.component())
                + (t.concluded() ? ", concluded" : "") + (t.question() == null ? "" : ", asks " + t.question().id());
    }

    /** Slack's markup as words: mentions dropped, links and channels by their labels, escapes undone. */
    static String plain(String text) {
        String t = MENTION.matcher(text).replaceAll(" ");
        t = CHANNEL.matcher(t).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("#" + m.group(1)));
        t = LABELLED.matcher(t).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
        t = SPECIAL.matcher(t).replaceAll("@$1");
        t = BARE_LINK.matcher(t).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return t.replaceAll("\\s+", " ").strip();
    }
}
