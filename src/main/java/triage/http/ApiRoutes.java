package triage.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import triage.conversation.Conversations;
import triage.conversation.Turn;
import triage.engine.Answer;
import triage.engine.Said;
import triage.engine.Triage;
import triage.model.Diagnosis;
import triage.render.ChatText;
import triage.render.JsonView;
import triage.render.OpsViews;
import triage.render.TicketText;
import triage.render.TurnView;

import java.util.List;

/** The API's own paths: a stateless diagnosis, a conversation's messages, what nothing understood. */
final class ApiRoutes {
    private final Triage triage;
    private final JsonView view = new JsonView();
    private final Conversations conversations;
    private final ObjectMapper mapper;
    private final Replies replies;

    private final Guard guard;
    /**
     * Bodies of frozen diagnoses ({@link Diagnosis#isFrozen}), by their identity, {@link #ONCE} until
     * written a second time: an entry goes with its diagnosis, so this holds no more than what
     * {@link Triage} remembers (a few thousand answers).
     */
    private final Cache<Diagnosis, byte[]> bodies = Caffeine.newBuilder().weakKeys().executor(Runnable::run).build();
    /** What {@link #bodies} holds for a diagnosis written once. */
    private static final byte[] ONCE = new byte[0];

    ApiRoutes(Triage triage, Conversations conversations, ObjectMapper mapper, Replies replies, Guard guard) {
        this.triage = triage;
        this.guard = guard;
        this.conversations = conversations;
        this.mapper = mapper;
        this.replies = replies;
    }

    void diagnose(Context ctx) {
        JsonNode body = Requests.json(ctx, mapper);
        List<String> texts = Requests.texts(body, "observations");
        boolean explain = Requests.flag(body, "explain");
        boolean probe = Requests.flag(body, "probe");
        Answer answer = triage.answer(Said.texts(texts).checking(probe));
        TicketText.Style ticket = Accepts.ticketStyle(ctx.header("Accept"));
        if (ticket != null) {
            // a comment ready to paste into a ticket (README, "Tickets"); JSON stays the default
            replies.text(ctx, ticket == TicketText.Style.MARKDOWN ? "text/markdown" : "text/plain",
                    TicketText.render(answer.diagnosis(), answer.probes(), ticket));
            return;
        }
        json(ctx, answer, explain);
    }

    /**
     * The body of {@code answer}. A diagnosis handed out again whole (the same words said again,
     * {@link Diagnosis#isFrozen}) has its body kept the second time it is written, and sent as it is
     * from then on; the many answers given only once are never kept. Such a diagnosis belongs to
     * the one answer remembered with it, whose knowledge gives its words: it always writes the same.
     */
    private void json(Context ctx, Answer answer, boolean explain) {
        Diagnosis d = answer.diagnosis();
        Replies.Body write = g -> view.write(g, d, answer.knowledge(), explain, answer.probes());
        if (explain || answer.probes() != null || !d.isFrozen()) {
            replies.json(ctx, write);
            return;
        }
        byte[] kept = bodies.getIfPresent(d);
        if (kept == null) {
            replies.json(ctx, write);
            bodies.put(d, ONCE);
        } else if (kept == ONCE) {
            bodies.put(d, replies.jsonKept(ctx, write));
        } else {
            replies.json(ctx, kept);
        }
    }

    void message(Context ctx) {
        String id = conversationId(ctx);
        String text = Requests.text(Requests.json(ctx, mapper), "text", "send {\"text\": \"what you see\"}");
        Turn turn = conversations.handle(id, text, () -> guard.newConversation(ctx));
        String reply = ChatText.render(turn, ChatText.Style.MARKDOWN);
        replies.json(ctx, g -> TurnView.write(g, view, turn, reply));
    }

    void forget(Context ctx) {
        conversations.forget(conversationId(ctx));
        ctx.status(204);
    }

    /** Id prefixes the chat adapters use. */
    private static final List<String> CHAT_OWNED = List.of("slack:", "teams:");

    private static String conversationId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!Conversations.validId(id)) throw Requests.bad("conversation id must be 1-128 letters, digits or . _ : @ -");
        // a chat thread's conversation belongs to its adapter, which checked who may speak in it
        for (String own : CHAT_OWNED) {
            if (id.regionMatches(true, 0, own, 0, own.length())) {
                throw new HttpResponseException(403, "conversations named " + own + "... belong to the chat adapters");
            }
        }
        return id;
    }

    void unrecognized(Context ctx) {
        int limit = 50;
        String q = ctx.queryParam("limit");
        if (q != null) {
            try {
                limit = Integer.parseInt(q);
            } catch (NumberFormatException e) {
                throw Requests.bad("'limit' must be a whole number");
            }
            if (limit < 1 || limit > 1000) throw Requests.bad("'limit' must be between 1 and 1000");
        }
        replies.json(ctx, OpsViews.Unrecognized.of(triage.unrecognized().top(limit)));
    }
}
