package triage.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.chat.ChatParts;
import triage.chat.ChatService;
import triage.conversation.Conversations;
import triage.conversation.Turn;
import triage.render.ChatText;
import triage.util.Digests;
import triage.web.Bodies;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import static io.javalin.apibuilder.ApiBuilder.post;

/**
 * Microsoft Teams outgoing webhook ({@code POST /teams/webhook}). Teams posts a Bot Framework
 * activity each time the webhook is mentioned and waits up to 5 s for the answer, which is given in
 * the response as markdown. Teams signs with an HMAC but sends no timestamp, so replays are ours to
 * stop: an activity id is taken once within {@link #REPLAY_WINDOW}, and an activity whose own
 * timestamp lies outside that window is refused. Only openUrl card actions work in an outgoing
 * webhook, so the bot's questions are answered by mentioning it again ("@Triage yes").
 */
public final class TeamsAdapter {
    private static final Logger log = LoggerFactory.getLogger(TeamsAdapter.class);
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(30);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LONE_NEWLINE = Pattern.compile("(?<!\n)\n(?!\n)");

    private final TeamsSignature signature;
    private final ChatParts parts;
    private final Duration deadline;

    /**
     * @param securityToken the webhook's security token, base64 ({@code TEAMS_WEBHOOK_SECRET})
     * @param deadline how long to wait for an answer; Teams gives up after 5 s
     * @throws IllegalArgumentException when the token is not base64
     */
    public TeamsAdapter(String securityToken, ChatParts parts, Duration deadline) {
        this.signature = new TeamsSignature(securityToken);
        this.parts = parts;
        this.deadline = Objects.requireNonNull(deadline);
    }

    public EndpointGroup routes() {
        return () -> post("/teams/webhook", this::webhook);
    }

    private void webhook(Context ctx) {
        byte[] body = Bodies.read(ctx);
        try {
            signature.verify(ctx.header("Authorization"), body);
        } catch (TeamsSignature.Rejected e) {
            log.info("{} {}: refused: {}", ctx.method(), ctx.path(), e.getMessage());
            throw new HttpResponseException(401, e.getMessage());
        }
        if (!Bodies.isJson(ctx)) throw new HttpResponseException(415, "Teams activities come as JSON (Content-Type: application/json)");
        JsonNode activity = Bodies.object(body, parts.json(), "the activity");
        if (!"message".equals(activity.path("type").asText())) {
            throw new HttpResponseException(400, "only message activities are answered");
        }
        String id = activity.path("id").asText("");
        String conversationId = activity.path("conversation").path("id").asText("");
        if (id.isBlank()) throw new HttpResponseException(400, "the activity has no 'id'");
        if (conversationId.isBlank()) throw new HttpResponseException(400, "the activity has no 'conversation.id'");
        String stale = stale(activity.path("timestamp").asText(""));
        if (stale != null) {
            log.info("teams activity refused: {}", stale);
            throw new HttpResponseException(401, stale);
        }
        String conversation = conversationKey(conversationId);
        String once = "teams:activity:" + Digests.sha256Hex(conversationId + "\n" + id);
        if (!parts.seen().firstSeen(once)) {
            log.info("teams: conversation {}: activity seen before; not answered twice", conversation);
            reply(ctx, "I have already answered this message.");
            return;
        }
        CompletableFuture<Turn> pending;
        try {
            pending = parts.chat().answerAsync(conversation, plain(activity.path("text").asText("")));
        } catch (ChatService.Busy e) {
            parts.seen().forget(once);
            reply(ctx, "I am busy with other questions; mention me again in a moment.");
            return;
        }
        try {
            Turn turn = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            reply(ctx, markdown(ChatText.render(turn, ChatText.Style.MARKDOWN)));
            log.info("teams: conversation {} answered ({}{}{})", conversation, turn.kind().name().toLowerCase(Locale.ROOT),
                    turn.diagnosis().top() == null ? "" : ", top " + turn.diagnosis().top().component(),
                    turn.concluded() ? ", concluded" : "");
        } catch (TimeoutException e) {
            log.warn("teams: conversation {}: no answer within {} ms; the turn completes in the background", conversation,
                    deadline.toMillis());
            reply(ctx, "That is taking longer than usual. I will remember what you said; mention me again in a moment.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Conversations.TooLong tl) reply(ctx, tl.getMessage());
            else throw new IllegalStateException("teams message failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpResponseException(503, "interrupted; try again");
        }
    }

    /**
     * Why an activity's timestamp puts it outside the replay window, or null when it is inside.
     * Teams always sends one: without it, or with one that does not parse, a replayed activity would
     * be guarded by its id alone, which is forgotten after a while.
     */
    private String stale(String timestamp) {
        if (timestamp.isBlank()) return "the activity has no timestamp";
        Instant at;
        try {
            at = OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return "the activity's timestamp is not an ISO-8601 date-time";
        }
        Duration off = Duration.between(at, parts.clock().instant()).abs();
        if (off.compareTo(REPLAY_WINDOW) > 0) {
            return "the activity's timestamp is " + off.toMinutes() + " min from this server's clock (a replay?)";
        }
        return null;
    }

    private static void reply(Context ctx, String markdown) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "message");
        m.put("text", markdown);
        ctx.json(m);
    }

    /** Teams collapses single line breaks in markdown: make each one a paragraph break. */
    static String markdown(String text) {
        return LONE_NEWLINE.matcher(text).replaceAll("\n\n");
    }

    /**
     * The activity's HTML as words: the {@code <at>} mentions dropped, tags removed, entities decoded.
     * One pass over the text (a regular expression backtracked for seconds over a flood of {@code <}
     * or {@code <at>}): each {@code >} and {@code </at>} is searched for once, not once per {@code <}.
     */
    static String plain(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length(), close = -1, endAt = -1, i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            if (close != Integer.MAX_VALUE && close < i) {
                close = html.indexOf('>', i);
                if (close < 0) close = Integer.MAX_VALUE;
            }
            if (close == Integer.MAX_VALUE) {  // no tag closes: the rest is text
                out.append(html, i, n);
                break;
            }
            int open = html.indexOf('<', i + 1);
            if (open >= 0 && open < close) {  // another '<' comes first: this one is text
                out.append('<');
                i++;
                continue;
            }
            if (lower.startsWith("<at", i) && (i + 3 >= n || !Character.isLetterOrDigit(html.charAt(i + 3)))) {
                if (endAt != Integer.MAX_VALUE && endAt <= close) {
                    endAt = lower.indexOf("</at>", close + 1);
                    if (endAt < 0) endAt = Integer.MAX_VALUE;
                }
                if (endAt != Integer.MAX_VALUE) {  // a mention: dropped with its name
                    out.append(' ');
                    i = endAt + 5;
                    continue;
                }
            }
            out.append(' ');  // any other tag
            i = close + 1;
        }
        String t = out.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /** Teams conversation ids hold characters ids may not ({@code ;messageid=}): a digest names them. */
    static String conversationKey(String conversationId) {
        return "teams:" + Digests.sha256Hex(conversationId).substring(0, 32);
    }
}
