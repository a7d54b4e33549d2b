package triage.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.chat.slack.SlackAdapter;
import triage.chat.teams.TeamsAdapter;
import triage.chat.teams.TeamsBot;
import triage.conversation.Conversations;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat adapters the configuration asks for: Slack when its signing secret is set, Teams when
 * its webhook secret is set; an adapter without its secret is off, so its paths are never mounted
 * and answer 404. Deliveries are de-duplicated in Redis when a Redis URL is set (shared by every
 * instance), else in memory.
 */
public final class ChatAdapters implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatAdapters.class);
    /** How long a delivery id is remembered: past Slack's last retry and the Teams replay window. */
    public static final Duration SEEN_FOR = Duration.ofHours(1);
    static final int THREADS = 4;
    static final int QUEUE = 200;

    private final List<EndpointGroup> routes;
    private final List<String> names;
    private final ChatService service;
    private final Deduplicator seen;
    private final List<AutoCloseable> adapters;

    private ChatAdapters(List<EndpointGroup> routes, List<String> names, ChatService service, Deduplicator seen,
                         List<AutoCloseable> adapters) {
        this.routes = List.copyOf(routes);
        this.names = List.copyOf(names);
        this.service = service;
        this.seen = seen;
        this.adapters = List.copyOf(adapters);
    }

    /** No adapter at all. */
    public static ChatAdapters none() { return new ChatAdapters(List.of(), List.of(), null, null, List.of()); }

    /**
     * What switches the adapters on: a platform's secret (else its paths are not mounted), the bot
     * token and Web API base for Slack, and where deliveries are de-duplicated (Redis when
     * {@code redisUrl} is set, shared by every instance, else memory, each Redis command within
     * {@code redisTimeout}: 500 ms when null). Blank counts as unset.
     */
    public record Settings(String slackSigningSecret, String slackBotToken, String slackApiUrl,
                           String teamsWebhookSecret, String redisUrl, String slackAppToken,
                           String teamsAppId, String teamsAppPassword, String teamsTenantId,
                           String teamsOpenIdMetadataUrl, String teamsTokenUrl, Duration redisTimeout) {
        public Settings {
            redisTimeout = redisTimeout == null ? Duration.ofMillis(500) : redisTimeout;
            slackSigningSecret = value(slackSigningSecret);
            slackBotToken = value(slackBotToken);
            slackApiUrl = value(slackApiUrl);
            teamsWebhookSecret = value(teamsWebhookSecret);
            redisUrl = value(redisUrl);
            slackAppToken = value(slackAppToken);
            teamsAppId = value(teamsAppId);
            teamsAppPassword = value(teamsAppPassword);
            teamsTenantId = value(teamsTenantId);
            teamsOpenIdMetadataUrl = value(teamsOpenIdMetadataUrl);
            teamsTokenUrl = value(teamsTokenUrl);
        }

        /** The HTTP endpoints only: Slack's signed requests and the Teams outgoing webhook. */
        public Settings(String slackSigningSecret, String slackBotToken, String slackApiUrl, String teamsWebhookSecret,
                        String redisUrl) {
            this(slackSigningSecret, slackBotToken, slackApiUrl, teamsWebhookSecret, redisUrl, null, null, null, null, null, null);
        }

        /** Every adapter's settings, with Redis's default deadline. */
        public Settings(String slackSigningSecret, String slackBotToken, String slackApiUrl, String teamsWebhookSecret,
                        String redisUrl, String slackAppToken, String teamsAppId, String teamsAppPassword,
                        String teamsTenantId, String teamsOpenIdMetadataUrl, String teamsTokenUrl) {
            this(slackSigningSecret, slackBotToken, slackApiUrl, teamsWebhookSecret, redisUrl, slackAppToken, teamsAppId,
                    teamsAppPassword, teamsTenantId, teamsOpenIdMetadataUrl, teamsTokenUrl, null);
        }
    }

    /**
     * The adapters {@code settings} switch on.
     *
     * @throws IllegalArgumentException when a value is set but unusable (a Teams token that is not base64, a bad URL)
     */
    public static ChatAdapters of(Settings settings, Conversations conversations, ObjectMapper json) {
        if (settings.slackSigningSecret() == null && settings.teamsWebhookSecret() == null && settings.teamsAppId() == null
                && settings.slackAppToken() == null) {
            return none();
        }
        TeamsBot.Settings botSettings = settings.teamsAppId() == null ? null
                : TeamsBot.Settings.of(settings.teamsAppId(), settings.teamsAppPassword(), settings.teamsTenantId(),
                        settings.teamsOpenIdMetadataUrl(), settings.teamsTokenUrl());
        SlackAdapter.Settings slackSettings = settings.slackSigningSecret() == null && settings.slackAppToken() == null ? null
                : SlackAdapter.Settings.of(settings.slackSigningSecret(), settings.slackBotToken(), settings.slackApiUrl(),
                        settings.slackAppToken());
        Deduplicator local = new MemoryDeduplicator(50_000, SEEN_FOR, Clock.systemUTC());
        Deduplicator seen = settings.redisUrl() == null ? local
                : new RedisDeduplicator(settings.redisUrl(), SEEN_FOR, settings.redisTimeout(), local);
        ChatService service = new ChatService(conversations, THREADS, QUEUE);
        ChatParts parts = new ChatParts(service, seen, json, Clock.systemUTC());
        List<EndpointGroup> routes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<AutoCloseable> adapters = new ArrayList<>();
        try {
            if (slackSettings != null) {
                SlackAdapter slack = new SlackAdapter(slackSettings, parts);
                adapters.add(slack);
                if (!slack.canPost()) {
                    log.warn("SLACK_BOT_TOKEN is not set: the slash command works, but mentions and buttons cannot be answered");
                }
                if (slack.hasEndpoints()) {
                    routes.add(slack.routes());
                    names.add("slack");
                }
                if (slack.socketMode()) names.add("slack socket mode");
            }
            if (botSettings != null) {
                TeamsBot bot = new TeamsBot(botSettings, parts);
                adapters.add(bot);
                routes.add(bot.routes());
                names.add("teams bot (app " + botSettings.appId() + ")");
            }
            if (settings.teamsWebhookSecret() != null) {
                routes.add(new TeamsAdapter(settings.teamsWebhookSecret(), parts, Duration.ofSeconds(4)).routes());
                names.add("teams");
            }
        } catch (RuntimeException e) {
            adapters.forEach(ChatAdapters::closeQuietly);
            service.close();
            seen.close();
            throw e;
        }
        return new ChatAdapters(routes, names, service, seen, adapters);
    }

    private static String value(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Each adapter's routes, for {@code HttpServer.Options}. */
    public List<EndpointGroup> routes() { return routes; }

    /** For the start-up log line. */
    public String describe() {
        if (names.isEmpty()) return "no chat adapters (set SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, TEAMS_APP_ID or TEAMS_WEBHOOK_SECRET)";
        return "chat adapters: " + String.join(", ", names) + "; deliveries de-duplicated in " + seen.describe();
    }

    /** Opens the outgoing connections (Slack Socket Mode), once the HTTP server is up. */
    public void start() {
        for (AutoCloseable a : adapters) {
            if (a instanceof Startable s) s.start();
        }
    }

    /** An adapter that connects out rather than waiting to be called. */
    public interface Startable {
        void start();
    }

    /** Lets queued replies go out, then stops. */
    @Override public void close() {
        if (service != null) service.close();  // answers still being worked out hand their replies to the adapters
        adapters.forEach(ChatAdapters::closeQuietly);
        if (seen != null) seen.close();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing a chat adapter failed: {}", e.toString());
        }
    }
}
