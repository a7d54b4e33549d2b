package triage.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.alerts.AlertThreads;
import triage.conversation.Turn;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Alert threads in one Slack channel, through the same Web API client as the adapter's replies
 * ({@code chat.postMessage}, {@code chat.update}). A thread's conversation is the one the Events
 * adapter uses for messages in it ({@code slack:<team>:<channel>:<ts>}), so people answer the
 * alert's diagnosis in its thread as in any other.
 */
public final class SlackAlertThreads implements AlertThreads {
    private static final Logger log = LoggerFactory.getLogger(SlackAlertThreads.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final SlackWebApi api;
    private final SlackBlocks blocks;
    private final ObjectMapper json;
    private final String channel;
    private final Duration wait;
    private volatile String team;

    /**
     * @param settings the Slack app's bot token and Web API base, and the calls' deadlines
     * @param channel the channel id alerts are posted to ({@code C0123...})
     */
    public SlackAlertThreads(SlackAdapter.Settings settings, String channel, ObjectMapper json) {
        if (channel == null || !ID.matcher(channel).matches()) {
            throw new IllegalArgumentException("the alerts' Slack channel must be a channel id (C0123ABC), got '" + channel + "'");
        }
        if (settings.botToken() == null || settings.botToken().isBlank()) {
            throw new IllegalArgumentException("posting alerts to Slack needs SLACK_BOT_TOKEN");
        }
        this.api = new SlackWebApi(settings.webApi(), json);
        this.blocks = new SlackBlocks(json);
        this.json = json;
        this.channel = channel;
        // every try's deadline, the pauses between them, and a margin
        this.wait = settings.requestTimeout().plus(settings.connectTimeout()).multipliedBy(settings.attempts())
                .plus(settings.backoff().multipliedBy(1L << Math.min(settings.attempts(), 10)));
    }

    @Override public Optional<Thread> start(Headline headline) {
        ObjectNode m = root(headline);
        m.put("channel", channel);
        Optional<JsonNode> answer = call("alerts:" + channel, "chat.postMessage", m);
        if (answer.isEmpty()) return Optional.empty();
        String ts = answer.get().path("ts").asText("");
        String ch = answer.get().path("channel").asText(channel);
        if (!ID.matcher(ts).matches() || !ID.matcher(ch).matches()) {
            log.warn("alerts: chat.postMessage answered without a usable ts/channel");
            return Optional.empty();
        }
        String t = answer.get().path("message").path("team").asText("");
        if (ID.matcher(t).matches()) team = t;
        if (team == null) team = api.teamId().orElse(null);
        if (team == null) {
            log.warn("alerts: Slack did not say which workspace the channel is in; replies in the thread will not reach its conversation");
            team = "T";
        }
        return Optional.of(new Thread(ch, ts, "slack:" + team + ":" + ch + ":" + ts));
    }

    @Override public boolean update(Thread thread, Headline headline) {
        ObjectNode m = root(headline);
        m.put("channel", thread.channel());
        m.put("ts", thread.ts());
        return call(thread.conversation(), "chat.update", m).isPresent();
    }

    @Override public boolean reply(Thread thread, Turn turn) {
        ObjectNode m = blocks.message(turn, thread.conversation());
        m.put("channel", thread.channel());
        m.put("thread_ts", thread.ts());
        return call(thread.conversation(), "chat.postMessage", m).isPresent();
    }

    @Override public boolean note(Thread thread, String text) {
        ObjectNode m = blocks.plain(text);
        m.put("channel", thread.channel());
        m.put("thread_ts", thread.ts());
        return call(thread.conversation(), "chat.postMessage", m).isPresent();
    }

    @Override public String describe() { return "Slack channel " + channel; }

    @Override public void close() { api.close(); }

    private ObjectNode root(Headline h) {
        StringBuilder sb = new StringBuilder();
        sb.append(h.resolved() ? ":white_check_mark: *" : ":rotating_light: *").append(SlackBlocks.escape(h.title())).append('*');
        if (!h.link().isBlank() && h.link().matches("https?://[^\\s<>|]+")) sb.append("  <").append(h.link()).append("|Alertmanager>");
        for (String line : h.lines()) sb.append('\n').append(SlackBlocks.escape(line));
        String text = SlackBlocks.clip(sb.toString(), SlackBlocks.MAX_SECTION);
        ObjectNode m = json.createObjectNode();
        m.put("text", SlackBlocks.clip(SlackBlocks.escape(h.title()), SlackBlocks.MAX_SECTION));
        m.putArray("blocks").add(blocks.section(text));
        return m;
    }

    private Optional<JsonNode> call(String conversation, String method, ObjectNode m) {
        try {
            return api.call(conversation, method, m).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("alerts: {} did not finish within {} ms", method, wait.toMillis());
            return Optional.empty();
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** For tests and logs. */
    String channel() { return Objects.requireNonNull(channel); }
}
