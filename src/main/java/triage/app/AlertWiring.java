package triage.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import triage.alerts.AlertDesk;
import triage.alerts.AlertGroups;
import triage.alerts.AlertMap;
import triage.alerts.AlertThreads;
import triage.alerts.Claims;
import triage.chat.Deduplicator;
import triage.chat.MemoryDeduplicator;
import triage.chat.RedisDeduplicator;
import triage.chat.slack.SlackAdapter;
import triage.chat.slack.SlackAlertThreads;
import triage.conversation.Conversations;
import triage.engine.LiveRulebook;
import triage.engine.Triage;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The alert desk of an {@link App}. */
final class AlertWiring {
    private AlertWiring() {}

    /**
     * Alertmanager's webhook and the alert threads, when a channel is configured: threads in Slack,
     * groups and claims in Redis when {@code TRIAGE_REDIS_URL} is set (several instances post once).
     */
    static AlertDesk desk(Config config, ObjectMapper json, LiveRulebook rules, Triage triage, Conversations conversations,
                          Owned owned) {
        if (config.alertsSlackChannel() == null) return null;
        AlertThreads threads = owned.own(new SlackAlertThreads(SlackAdapter.Settings.of(config.slackSigningSecret(),
                config.slackBotToken(), config.slackApiUrl()), config.alertsSlackChannel(), json));
        AlertGroups groups = owned.own(config.redisUrl() == null ? AlertGroups.memory(10_000)
                : AlertGroups.redis(config.redisUrl(), config.redisTimeout()));
        Deduplicator local = new MemoryDeduplicator(50_000, AlertGroups.KEEP, Clock.systemUTC());
        Deduplicator seen = owned.own(config.redisUrl() == null ? local
                : new RedisDeduplicator(config.redisUrl(), AlertGroups.KEEP, config.redisTimeout(), local));
        Claims claims = new Claims() {
            @Override public boolean claim(String key) { return seen.firstSeen(key); }
            @Override public void release(String key) { seen.forget(key); }
        };
        // alerts.yaml is read again when the runbooks change (files or a published set)
        AtomicReference<Map.Entry<String, AlertMap>> loaded = new AtomicReference<>();
        Supplier<AlertMap> map = () -> {
            String revision = rules.current().revision();
            Map.Entry<String, AlertMap> had = loaded.get();
            if (had != null && had.getKey().equals(revision)) return had.getValue();
            AlertMap m = AlertMap.load(rules.source().knowledgeDir());
            loaded.set(Map.entry(revision, m));
            return m;
        };
        return owned.own(new AlertDesk(triage, conversations, map, threads, groups, claims, 2, 100));
    }

}
