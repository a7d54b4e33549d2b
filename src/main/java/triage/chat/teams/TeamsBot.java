package triage.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.chat.ChatParts;
import triage.chat.ChatService;
import triage.util.Urls;
import triage.conversation.Conversations;
import triage.conversation.Turn;
import triage.util.Digests;
import triage.web.Bodies;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.javalin.apibuilder.ApiBuilder.post;

/**
 * Microsoft Teams as a registered bot, through the Bot Framework activity protocol
 * ({@code POST /teams/messages}): 1:1 chats, group chats and channels. Every request's bearer token
 * is checked ({@link BotFrameworkAuth}) before its body is read; the activity must name the service
 * URL the token was issued for. Message activities are taken once per activity id (Redis-shared when
 * several instances run), acknowledged at once, and answered in the background by a reply through
 * the Bot Connector ({@link BotConnector}) as an Adaptive Card whose buttons come back as message
 * activities with a {@code value}. One Triage conversation per Teams conversation id, which in a
 * channel names the reply chain ({@code ;messageid=}).
 */
public final class TeamsBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9.-]{1,64}");

    /**
     * @param metadataUrl the OpenID metadata document whose {@code jwks_uri} lists the signing keys
     * @param tokenUrl the OAuth 2.0 token endpoint for the bot's own calls
     * @param minKeyRefresh how soon after a fetch an unknown key id may fetch the keys again
     */
    public record Settings(String appId, String appPassword, URI metadataUrl, URI tokenUrl, Duration connectTimeout,
                           Duration requestTimeout, int attempts, Duration backoff, Duration minKeyRefresh) {
        public Settings {
            if (appId == null || appId.isBlank()) throw new IllegalArgumentException("TEAMS_APP_ID must be set");
            if (appPassword == null || appPassword.isBlank()) {
                throw new IllegalArgumentException("TEAMS_APP_PASSWORD must be set with TEAMS_APP_ID (the bot's client secret)");
            }
            Objects.requireNonNull(metadataUrl);
            Objects.requireNonNull(tokenUrl);
        }

        /**
         * Production deadlines (3 s to connect, 10 s a call, 4 tries from 0.5 s doubling, keys fetched
         * again at most every 5 minutes for an unknown key id) and Microsoft's endpoints where a value is unset:
         * the token endpoint of {@code tenantId} (single-tenant), else of the botframework.com tenant.
         */
        public static Settings of(String appId, String appPassword, String tenantId, String metadataUrl, String tokenUrl) {
            if (tenantId != null && !TENANT.matcher(tenantId).matches()) {
                throw new IllegalArgumentException("TEAMS_TENANT_ID is not a tenant id (a GUID or a domain)");
            }
            String token = tokenUrl != null ? tokenUrl
                    : "https://login.microsoftonline.com/" + (tenantId != null ? tenantId : "botframework.com") + "/oauth2/v2.0/token";
            return new Settings(appId, appPassword, url("TEAMS_OPENID_METADATA_URL",
                    metadataUrl != null ? metadataUrl : BotFrameworkAuth.DEFAULT_METADATA_URL), url("TEAMS_TOKEN_URL", token),
                    Duration.ofSeconds(3), Duration.ofSeconds(10), 4, Duration.ofMillis(500), Duration.ofMinutes(5));
        }

        /** How the Bot Connector is called: the token endpoint, the bot's credentials, the deadlines and the tries. */
        BotConnector.Settings connector() {
            return new BotConnector.Settings(tokenUrl, appId, appPassword, connectTimeout, requestTimeout, attempts, backoff);
        }

        static URI url(String name, String value) {
            return Urls.http(name, value, null);
        }
    }

    /** What one message activity asks, read once its token and service URL hold. */
    private record Incoming(String conversation, String serviceUrl, String conversationId, String activityId, String text,
                            String question, String answer, JsonNode from, JsonNode recipient, long receivedAt) {}

    private final BotFrameworkAuth auth;
    private final BotConnector connector;
    private final TeamsCards cards;
    private final ChatParts parts;

    public TeamsBot(Settings settings, ChatParts parts) {
        this.parts = parts;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.auth = new BotFrameworkAuth(settings.metadataUrl(), settings.appId(), http, settings.requestTimeout(),
                settings.minKeyRefresh(), parts.json(), parts.clock());
        this.connector = new BotConnector(settings.connector(), parts.json(), parts.clock());
        this.cards = new TeamsCards(parts.json());
    }

    public EndpointGroup routes() {
        return () -> post("/teams/messages", this::messages);
    }

    private void messages(Context ctx) {
        long receivedAt = System.nanoTime();
        BotFrameworkAuth.Verified token;
        try {
            token = auth.verify(ctx.header("Authorization"));
        } catch (BotFrameworkAuth.Rejected e) {
            log.info("{} {}: refused: {}", ctx.method(), ctx.path(), e.getMessage());
            throw new HttpResponseException(e.status(), e.getMessage());
        }
        byte[] body = Bodies.read(ctx);
        if (!Bodies.isJson(ctx)) throw new HttpResponseException(415, "activities come as JSON (Content-Type: application/json)");
        JsonNode a = Bodies.object(body, parts.json(), "the activity");
        String serviceUrl = a.path("serviceUrl").asText("");
        if (!serviceUrl.equals(token.serviceUrl())) {
            log.info("teams: activity refused: its serviceUrl is not the one its token was issued for");
            throw new HttpResponseException(403, "the activity's serviceUrl is not the one its token was issued for");
        }
        if (!"message".equals(a.path("type").asText(""))) {
            ctx.status(200);  // conversationUpdate, typing, messageReaction...: nothing to answer
            return;
        }
        String id = text(a.path("id"));
        String conversationId = text(a.path("conversation").path("id"));
        if (id.isBlank() || id.length() > 256) throw new HttpResponseException(400, "the activity has no usable 'id'");
        if (conversationId.isBlank() || conversationId.length() > 512) {
            throw new HttpResponseException(400, "the activity has no usable 'conversation.id'");
        }
        try {
            BotConnector.replyUri(serviceUrl, conversationId, id);
        } catch (IllegalArgumentException e) {
            throw new HttpResponseException(400, "the activity's serviceUrl is not a URL");
        }
        String question = null, answer = null;
        JsonNode value = a.path("value").path(TeamsCards.KEY);
        if (value.isObject()) {
            answer = text(value.path("a")).toLowerCase(Locale.ROOT);
            question = text(value.path("q"));
            if (!TeamsCards.ANSWERS.contains(answer)) throw new HttpResponseException(400, "the button's value is not Triage's");
        }
        String conversation = TeamsAdapter.conversationKey(conversationId);
        Incoming in = new Incoming(conversation, serviceUrl, conversationId, id, text(a.path("text")), question, answer,
                a.path("from"), a.path("recipient"), receivedAt);
        String once = "teams:bot:activity:" + Digests.sha256Hex(conversationId + "\n" + id);
        if (!parts.seen().firstSeen(once)) {
            log.info("teams: conversation {}: activity seen before; not answered twice", conversation);
            ctx.status(200);
            return;
        }
        try {
            parts.chat().submit(() -> answer(in));
        } catch (ChatService.Busy e) {
            parts.seen().forget(once);
            ctx.header("Retry-After", "2");
            throw new HttpResponseException(429, "too busy; try again shortly");
        }
        ctx.status(202);
    }

    private static String text(JsonNode n) { return n.isTextual() ? n.asText() : ""; }

    private void answer(Incoming in) {
        ObjectNode reply;
        String outcome;
        try {
            Optional<Turn> turn = turn(in);
            if (turn.isEmpty()) {
                reply = cards.plain("That question is no longer open; the conversation has moved on.");
                outcome = "question no longer open";
            } else {
                reply = parts.json().createObjectNode();
                reply.put("type", "message");
                reply.putArray("attachments").add(cards.card(turn.get()));
                Turn t = turn.get();
                outcome = t.kind().name().toLowerCase(Locale.ROOT) + (t.diagnosis().top() == null ? "" : ", top "
                        + t.diagnosis().top().component()) + (t.concluded() ? ", concluded" : "");
            }
        } catch (Conversations.TooLong tl) {
            reply = cards.plain(tl.getMessage());
            outcome = "too long";
        }
        reply.put("replyToId", in.activityId());
        reply.putObject("conversation").put("id", in.conversationId());
        if (in.recipient().isObject()) reply.set("from", in.recipient());
        if (in.from().isObject()) reply.set("recipient", in.from());
        String said = outcome;
        connector.reply(in.conversation(), BotConnector.replyUri(in.serviceUrl(), in.conversationId(), in.activityId()), reply)
                .thenAccept(sent -> log.info("teams: conversation {} answered ({}) in {} ms{}", in.conversation(), said,
                        (System.nanoTime() - in.receivedAt()) / 1_000_000, sent ? "" : ", not delivered"));
    }

    /** The turn an activity asks for: a button's answer (while its question is open), else the typed words. */
    private Optional<Turn> turn(Incoming in) {
        if (in.answer() == null) return Optional.of(parts.chat().answer(in.conversation(), TeamsAdapter.plain(in.text())));
        return switch (in.answer()) {
            case "check", "why" -> Optional.of(parts.chat().answer(in.conversation(), in.answer()));
            default -> in.question() == null || in.question().isBlank() ? Optional.empty()
                    : parts.chat().answerIfOpen(in.conversation(), in.question(), in.answer());
        };
    }

    /** Waits until every reply under way has been posted or given up on; false if that took longer than {@code max}. */
    public boolean awaitSent(Duration max) throws InterruptedException { return connector.awaitIdle(max); }

    @Override public void close() { connector.close(); }
}
