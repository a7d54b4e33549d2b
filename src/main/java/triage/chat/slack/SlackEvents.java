package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.chat.ChatService;
import triage.conversation.Conversations;
import triage.conversation.Turn;
import triage.web.Bodies;

import java.util.Objects;

/**
 * {@code POST /slack/events}: {@code url_verification}; {@code app_mention}, and {@code message} in a
 * DM or in a thread the bot already answers in. Acknowledged at once; each {@code event_id} is taken
 * once (Slack retries); the answer goes into the thread by {@code chat.postMessage}. The
 * conversation is the channel plus the thread ({@code thread_ts}, else {@code ts}).
 */
final class SlackEvents {
    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);

    private final SlackParts parts;
    private volatile String botUserId;
    private volatile long botUserAskedAt;

    SlackEvents(SlackParts parts) {
        this.parts = parts;
    }

    /** {@code POST /slack/events}, its signature checked. */
    void handle(Context ctx, byte[] body) {
        if (!Bodies.isJson(ctx)) throw new HttpResponseException(415, "Slack events come as JSON (Content-Type: application/json)");
        JsonNode root = Bodies.object(body, parts.json(), "the event");
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
        if (!parts.seen().firstSeen(once)) {
            log.info("slack event {}: already taken; retry {} ({}) not answered again", eventId,
                    Objects.requireNonNullElse(ctx.header("X-Slack-Retry-Num"), "-"),
                    Objects.requireNonNullElse(ctx.header("X-Slack-Retry-Reason"), "-"));
            ctx.status(200);
            return;
        }
        try {
            parts.chat().submit(() -> onEvent(eventId, root));
        } catch (ChatService.Busy e) {
            parts.seen().forget(once); // Slack will retry; let that retry through
            throw new HttpResponseException(503, "too busy; try again shortly");
        }
        ctx.status(200);
    }

    /** Message subtypes that are still a person speaking. */
    private static final java.util.Set<String> PERSON_SUBTYPES = java.util.Set.of("thread_broadcast", "file_share");

    private void onEvent(String eventId, JsonNode root) {
        JsonNode e = root.get("event");
        String type = e.path("type").asText("");
        if (!type.equals("app_mention") && !type.equals("message")) return;
        // bots (this one included) and edits, joins, deletions...: never answered; a person's
        // message also sent to the channel, or sent with a file, is still a person's message
        if (e.hasNonNull("bot_id") || (e.hasNonNull("subtype") && !PERSON_SUBTYPES.contains(e.get("subtype").asText()))) return;
        String user = e.path("user").asText("");
        String bot = botUserId(root);
        if (user.isEmpty() || user.equals(bot)) return;
        String team = root.path("team_id").asText(e.path("team").asText(""));
        String channel = e.path("channel").asText("");
        String ts = e.path("ts").asText("");
        String threadTs = e.hasNonNull("thread_ts") ? e.get("thread_ts").asText() : null;
        String thread = threadTs != null ? threadTs : ts;
        if (!SlackText.ID_PART.matcher(team).matches() || !SlackText.ID_PART.matcher(channel).matches() || !SlackText.ID_PART.matcher(thread).matches()) {
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
            Turn turn = parts.chat().answer(conversation, SlackText.plain(raw));
            reply = parts.blocks().message(turn, conversation);
            outcome = SlackText.summary(turn);
        } catch (Conversations.TooLong tl) {
            reply = parts.blocks().plain(tl.getMessage());
            outcome = "too long";
        }
        reply.put("channel", channel);
        reply.put("thread_ts", thread);
        String answered = outcome;
        parts.api().postMessage(conversation, reply).thenAccept(sent -> log.info("slack event {}: conversation {} answered ({}){}",
                eventId, conversation, answered, sent ? "" : ", not delivered"));
    }

    private boolean inConversation(String conversation) {
        return parts.chat().knows(conversation);
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
            parts.api().botUserId().ifPresent(id -> botUserId = id);
        }
        return botUserId;
    }
}
