package triage.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.javalin.apibuilder.EndpointGroup;
import triage.alerts.AlertDesk;
import triage.alerts.AlertGroups;
import triage.alerts.AlertMap;
import triage.alerts.AlertRoutes;
import triage.alerts.AlertThreads;
import triage.alerts.Claims;
import triage.chat.ChatAdapters;
import triage.chat.Deduplicator;
import triage.chat.MemoryDeduplicator;
import triage.chat.RedisDeduplicator;
import triage.chat.slack.SlackAdapter;
import triage.chat.slack.SlackAlertThreads;
import triage.conversation.ConversationStore;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.conversation.RedisStore;
import triage.engine.LiveRulebook;
import triage.knowledge.Knowledge;
import triage.knowledge.Runbook;
import triage.engine.RulebookCache;
import triage.engine.RulebookCompiler;
import triage.engine.ScenarioRunner;
import triage.engine.RulebookException;
import triage.engine.RulebookWatcher;
import triage.engine.Triage;
import triage.engine.UnrecognizedLog;
import triage.http.HttpServer;
import triage.ops.DebugToggle;
import triage.ops.Metrics;
import triage.probe.Prober;
import triage.probe.ProbeChecks;
import triage.probe.Target;
import triage.rollout.Etcd;
import triage.rollout.RunbookFollower;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The composition root of {@code serve}: builds every long-lived object from a {@link Config},
 * starts listening, and closes them all in the reverse order of their making. If building fails
 * half-way, what was already built is closed before the exception leaves.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Deque<AutoCloseable> built = new ArrayDeque<>();
    private LiveRulebook rules;
    private Triage triage;
    private Conversations conversations;
    private AlertDesk alerts;
    private Javalin http;
    private String host;
    private boolean closed;

    private App() {}

    /**
     * Builds everything {@code config} asks for and listens on its host and port.
     *
     * @throws IllegalArgumentException when a configured value is unusable (the message names it)
     * @throws RulebookException when the runbooks do not load
     */
    public static App start(Config config) throws RulebookException, IOException {
        App app = new App();
        try {
            app.build(config);
            return app;
        } catch (RuntimeException | RulebookException | IOException e) {
            app.close();
            throw e;
        }
    }

    private void build(Config config) throws RulebookException, IOException {
        RunbookFollower rollout = config.etcdEndpoints() == null ? null
                : own(new RunbookFollower(Etcd.parse(config.etcdEndpoints(), config.etcdPrefix(), config.etcdTimeout()),
                        Duration.ofSeconds(5)));
        rules = rulebook(config, rollout);
        Prober prober;
        try {
            prober = own(Prober.configured(rules.current().knowledge(), config.probe()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("live checks: " + e.getMessage(), e);
        }
        if (!prober.isEmpty()) {
            log.info("live checks ({} ms budget): {}", prober.settings().budget().toMillis(),
                    String.join(", ", prober.targets().stream().map(Target::toString).toList()));
        }
        Metrics metrics = new Metrics();
        rules.listen(metrics::reload);
        // reads by example what the phrases leave unread, once the sentence model has loaded
        Triage phrases = new Triage(rules, new UnrecognizedLog(1000, Clock.systemUTC()), metrics, ProbeChecks.of(prober),
                stacks(config, rules.current().knowledge()));
        // reading by example (TRIAGE_RECALL=true) answers without the model until it has loaded
        triage = config.recall() ? phrases.withRecall(false) : phrases;
        ConversationStore store = own(store(config));
        if (store instanceof MemoryStore memory) {
            metrics.gauge("triage.conversations.open", "Conversations kept in memory", memory::size);
        }
        conversations = new Conversations(triage, store, Clock.systemUTC());
        ObjectMapper json = new ObjectMapper();
        ChatAdapters chat = own(ChatAdapters.of(new ChatAdapters.Settings(config.slackSigningSecret(),
                config.slackBotToken(), config.slackApiUrl(), config.teamsWebhookSecret(), config.redisUrl(),
                config.slackAppToken(), config.teamsAppId(), config.teamsAppPassword(), config.teamsTenantId(),
                config.teamsOpenIdMetadataUrl(), config.teamsTokenUrl()),
                conversations, json));
        List<EndpointGroup> routes = new ArrayList<>(chat.routes());
        alerts = alertDesk(config, json);
        if (alerts != null) routes.add(new AlertRoutes(alerts, json).routes());
        HttpServer.Options options = new HttpServer.Options(config.apiToken(), config.rateLimit(), config.rateBurst(),
                config.trustForwarded(), routes);
        http = new HttpServer(triage, conversations, metrics, json, options).create();
        DebugToggle.install();
        http.start(config.host(), config.port());
        chat.start();  // Slack Socket Mode connects once the server is up
        host = "0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host();
        own(http::stop);
        if (!prober.isEmpty()) {
            // connections are made now, not on the first question; once listening, so start-up
            // does not share the two cores with loading the probe clients
            Thread opening = new Thread(prober::open, "probe-open");
            opening.setDaemon(true);
            opening.start();
        }
        // with etcd, runbooks arrive by `publish` only: two sources of truth would fight
        if (rollout != null) rollout.follow(rules);
        else if (config.watch()) {
            own(new RulebookWatcher(rules, List.of(config.rules(), config.knowledge()), Duration.ofMillis(300)));
        }
        log.info("rules revision {} ({} rules) from {}; conversations in {}", rules.current().revision(),
                rules.current().rules().size(), rollout == null ? "files" : rules.source().label() + " (following "
                        + rollout.describe() + ")", store.describe());
        log.info("{}", chat.describe());
        if (alerts != null) log.info("{}", alerts.describe());
        // last, once listening: the sentence model loads on a background thread (one ONNX thread),
        // and until it has the phrases answer alone
        triage.startRecall();
    }

    /**
     * Alertmanager's webhook and the alert threads, when a channel is configured: threads in Slack,
     * groups and claims in Redis when {@code TRIAGE_REDIS_URL} is set (several instances post once).
     */
    private AlertDesk alertDesk(Config config, ObjectMapper json) {
        if (config.alertsSlackChannel() == null) return null;
        AlertThreads threads = own(new SlackAlertThreads(SlackAdapter.Settings.of(config.slackSigningSecret(),
                config.slackBotToken(), config.slackApiUrl()), config.alertsSlackChannel(), json));
        AlertGroups groups = own(config.redisUrl() == null ? AlertGroups.memory(10_000)
                : AlertGroups.redis(config.redisUrl(), Duration.ofMillis(500)));
        Deduplicator local = new MemoryDeduplicator(50_000, AlertGroups.KEEP, Clock.systemUTC());
        Deduplicator seen = own(config.redisUrl() == null ? local
                : new RedisDeduplicator(config.redisUrl(), AlertGroups.KEEP, Duration.ofMillis(500), local));
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
        AlertMap first = map.get();
        if (!first.lint(rules.current().knowledge()).isEmpty()) {
            log.warn("alerts.yaml has problems (run lint): {}", first.lint(rules.current().knowledge()));
        }
        return own(new AlertDesk(triage, conversations, map, threads, groups, claims, 2, 100));
    }

    private <T extends AutoCloseable> T own(T resource) {
        built.push(resource);
        return resource;
    }

    /** The published set when there is one that loads here, else the files. */
    private static LiveRulebook rulebook(Config config, RunbookFollower rollout) throws RulebookException {
        LiveRulebook.Source published = rollout == null ? null : rollout.fetch().orElse(null);
        if (published != null) {
            try {
                return LiveRulebook.open(published, compiler(config));
            } catch (RulebookException e) {
                log.warn("the published set does not load here; serving the local files: {}", e.problems());
            }
        }
        return LiveRulebook.open(new LiveRulebook.Source(config.rules(), config.knowledge(), "files"), compiler(config));
    }

    /** The runbook compiler, with compiled runbooks kept between starts where the configuration says. */
    public static RulebookCompiler compiler(Config config) {
        return compiler(config, ScenarioRunner.DEADLINE);
    }

    /** As {@link #compiler(Config)}: a candidate set's scenarios run in a child JVM, each within {@code perScenario}. */
    public static RulebookCompiler compiler(Config config, Duration perScenario) {
        return RulebookCompiler.isolated(config.cacheDir() == null ? RulebookCache.off() : RulebookCache.in(config.cacheDir()),
                perScenario);
    }

    /**
     * The stacks {@code config} names ({@code TRIAGE_STACKS}), each the stack of some runbook in {@code k};
     * empty when none is named (every stack).
     *
     * @throws IllegalArgumentException naming a stack no runbook has, and the ones there are
     */
    public static Set<String> stacks(Config config, Knowledge k) {
        Set<String> known = new TreeSet<>();
        for (Runbook r : k.runbooks().values()) if (!r.general()) known.add(r.stack());
        for (String s : config.stacks()) {
            if (!known.contains(s)) {
                throw new IllegalArgumentException("TRIAGE_STACKS: no runbook is about stack '" + s + "'; known: " + known);
            }
        }
        return new LinkedHashSet<>(config.stacks());
    }

    /** Conversations live in Redis when a URL is configured, else in memory. */
    private static ConversationStore store(Config config) {
        if (config.redisUrl() == null) return new MemoryStore(10_000, config.conversationIdle(), Clock.systemUTC());
        RedisStore redis = new RedisStore(config.redisUrl(), config.conversationIdle(), Duration.ofMillis(500));
        if (!redis.warmUp()) log.warn("conversation store {} is not reachable yet; will keep trying", redis.describe());
        return redis;
    }


    public LiveRulebook rules() { return rules; }

    public Triage triage() { return triage; }

    public Conversations conversations() { return conversations; }

    /** The alert desk, or null when no alerts channel is configured. */
    public AlertDesk alerts() { return alerts; }

    /** The address to reach it at: the one it listens on, or loopback when it listens on all. */
    public String shownHost() { return host; }

    /** The port it listens on (the one picked when the configuration said 0). */
    public int port() { return http.port(); }

    /** Closes everything, newest first; a second call does nothing. */
    @Override public synchronized void close() {
        if (closed) return;
        closed = true;
        while (!built.isEmpty()) {
            AutoCloseable c = built.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", c, e.toString());
            }
        }
    }
}
