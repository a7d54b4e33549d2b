package triage.chat.slack;

import com.fasterxml.jackson.core.JacksonException;
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

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /slack/interactions}: a Yes / No click answers the question in the conversation the
 * button belongs to, replaces the buttons with the recorded answer ({@code response_url}), then
 * posts the next turn.
 */
final class SlackButtons {
    private static final Logger log = LoggerFactory.getLogger(SlackButtons.class);

    private final SlackParts parts;

    SlackButtons(SlackParts parts) {
        this.parts = parts;
    }

    /** {@code POST /slack/interactions}, its signature checked. */
    void handle(Context ctx, byte[] body) {
        if (!Bodies.isForm(ctx)) throw new HttpResponseException(415, "interactions come form-encoded");
        String payload = Bodies.form(body).get("payload");
        if (payload == null) throw new HttpResponseException(400, "'payload' is missing");
        JsonNode p = Bodies.object(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), parts.json(), "'payload'");
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
            value = parts.json().readTree(action.path("value").asText(""));
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
        if (!parts.seen().firstSeen(once)) {
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
            parts.chat().submit(() -> onClick(click));
        } catch (ChatService.Busy e) {
            parts.seen().forget(once);
            throw new HttpResponseException(503, "too busy; click again shortly");
        }
        ctx.status(200);
    }

    private record Click(String conversation, String question, String questionText, String answer, String user,
                         String channel, String threadTs, String responseUrl, JsonNode original) {}

    private void onClick(Click c) {
        String who = SlackText.ID_PART.matcher(c.user()).matches() ? "<@" + c.user() + ">" : "Someone";
        Optional<Turn> turn;
        try {
            turn = parts.chat().answerIfOpen(c.conversation(), c.question(), c.answer());
        } catch (Conversations.TooLong tl) {
            parts.api().respond(c.conversation(), c.responseUrl(), SlackText.ephemeral(parts.blocks().plain(tl.getMessage())));
            return;
        }
        if (turn.isEmpty()) {
            parts.api().respond(c.conversation(), c.responseUrl(), parts.blocks().answered(c.original(), c.questionText(),
                    "_This question is no longer open; the conversation has moved on._"));
            log.info("slack button: conversation {}: question {} no longer open", c.conversation(), c.question());
            return;
        }
        CompletableFuture<Boolean> replaced = parts.api().respond(c.conversation(), c.responseUrl(),
                parts.blocks().answered(c.original(), c.questionText(),
                        who + " answered *" + (c.answer().equals("yes") ? "Yes" : "No") + "*"));
        ObjectNode next = parts.blocks().message(turn.get(), c.conversation());
        if (c.threadTs() != null) {
            next.put("channel", c.channel());
            next.put("thread_ts", c.threadTs());
        } else {
            // an ephemeral (slash command) conversation: the next turn goes to the same person
            SlackText.ephemeral(next).put("replace_original", false);
        }
        // the next turn after the buttons are replaced, as a person would read them
        replaced.thenCompose(ignored -> c.threadTs() != null ? parts.api().postMessage(c.conversation(), next)
                        : parts.api().respond(c.conversation(), c.responseUrl(), next))
                .thenAccept(sent -> log.info("slack button: conversation {} answered ({}){}", c.conversation(),
                        SlackText.summary(turn.get()), sent ? "" : ", not delivered"));
    }
}
