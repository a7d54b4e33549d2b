package triage.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.javalin.apibuilder.EndpointGroup;
import triage.alerts.AlertDesk;
import triage.alerts.AlertMap;
import triage.alerts.AlertRoutes;
import triage.chat.ChatAdapters;
import triage.conversation.ConversationStore;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.conversation.RedisStore;
import triage.engine.LiveRulebook;
import triage.engine.LiveRulebook.Source;
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
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The composition root of {@code serve}: builds every long-lived object from a {@link Config},
 * starts listening, and closes them all in the reverse order of their making. It listens before
 * the first rule set has loaded ({@link #listen}); what needs that set is built on a thread of its
 * own. If building fails half-way, what was already built is closed before the exception leaves.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Owned owned = new Owned();
    /** Completes once the first rule set serves and what needs it is built (or with why not). */
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** The live checks, configured from the first set's knowledge; none until then. */
    private final LaterChecks checks = new LaterChecks();
    /** Notes the first answer: work nobody waits for starts after it. */
    private volatile FirstAnswer firstAnswer;
    private LiveRulebook rules;
    private Triage triage;
    private Conversations conversations;
    private AlertDesk alerts;
    private ConversationStore store;
    /** Completes once the server listens, with its chat adapters (to connect once the first set has loaded). */
    private final CompletableFuture<ChatAdapters> bound = new CompletableFuture<>();
    private final Metrics metrics = new Metrics();
    private Javalin http;
    private String host;

    private App() {}

    /**
     * Builds everything {@code config} asks for, listens on its host and port, and waits until
     * the first rule set serves ({@link #listen} then {@link #awaitReady}).
     *
     * @throws IllegalArgumentException when a configured value is unusable (the message names it)
     * @throws RulebookException when the runbooks do not load
     */
    public static App start(Config config) throws RulebookException, IOException {
        App app = listen(config, compiler(config));
        app.awaitReady();
        return app;
    }

    /**
     * Builds what does not need the runbooks and listens at once; the first rule set, the live
     * checks, the watcher or rollout and the chat connections are made on a thread of their own
     * ({@link #awaitReady} waits for them). Until they are, requests that need the rules wait
     * for them ({@code http.Startup}) and {@code /healthz} answers 503 "starting". The runbooks
     * are compiled by {@code compiler} ({@link #compiler(Config)}, or one at work on them already).
     *
     * @throws IllegalArgumentException when a configured value is unusable (the message names it)
     */
    public static App listen(Config config, RulebookCompiler compiler) throws IOException {
        App app = new App();
        try {
            app.build(config, compiler);
            return app;
        } catch (RuntimeException | IOException e) {
            app.bound.completeExceptionally(e);
            app.close();
            throw e;
        }
    }

    /**
     * Waits until the first rule set serves and everything that needed it is built. On failure
     * the app is closed.
     *
     * @throws IllegalArgumentException when a configured value is unusable (the message names it)
     * @throws RulebookException when the runbooks do not load
     */
    public void awaitReady() throws RulebookException {
        try {
            ready.join();
        } catch (java.util.concurrent.CompletionException e) {
            close();
            Throwable c = e.getCause();
            if (c instanceof RulebookException r) throw r;
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    private void build(Config config, RulebookCompiler compiler) throws IOException {
        RunbookFollower rollout = config.etcdEndpoints() == null ? null
                : own(new RunbookFollower(Etcd.parse(config.etcdEndpoints(), config.etcdPrefix(), config.etcdTimeout()),
                        Duration.ofSeconds(5)));
        Source files = new Source(config.rules(), config.knowledge(), "files");
        rules = LiveRulebook.starting(files, compiler);
        // the first set loads from here on, while the HTTP server is built and bound; what needs the set
        // waits for both
        Thread starting = new Thread(() -> {
            try {
                Prober.prepare();  // while the set loads on the other threads: its classes are then ready
                firstSet(rollout, files);
                // what needs only the first set is built while the server may still be binding
                Prober prober = checks(config, rollout);
                ready(config, rollout, prober, bound.join());
                ready.complete(null);
            } catch (Throwable e) {
                rules.failed(e);
                ready.completeExceptionally(e);
                return;
            }
            // the first set's scenarios (a child JVM after an edit) are checked once it has answered
            firstAnswer.then(rules::check, "first-check");
            metrics.prepare();  // after 'listening on': nothing reads the meters before a request
        }, "starting");
        starting.setDaemon(true);
        starting.start();
        firstAnswer = new FirstAnswer(metrics);
        rules.listen(metrics::reload);
        // the live checks and the stacks are known once the first set's knowledge is
        Triage phrases = new Triage(rules, new UnrecognizedLog(1000, Clock.systemUTC()), firstAnswer, checks,
                new LinkedHashSet<>(config.stacks()));
        // reading by example (TRIAGE_RECALL=true) answers without the model until it has loaded
        triage = config.recall() ? phrases.withRecall(false) : phrases;
        store = own(store(config));
        if (store instanceof MemoryStore memory) {
            metrics.gauge("triage.conversations.open", "Conversations kept in memory", memory::size);
        }
        conversations = new Conversations(triage, store, Clock.systemUTC());
        ObjectMapper json = new ObjectMapper();
        ChatAdapters chat = own(ChatAdapters.of(new ChatAdapters.Settings(config.slackSigningSecret(),
                config.slackBotToken(), config.slackApiUrl(), config.teamsWebhookSecret(), config.redisUrl(),
                config.slackAppToken(), config.teamsAppId(), config.teamsAppPassword(), config.teamsTenantId(),
                config.teamsOpenIdMetadataUrl(), config.teamsTokenUrl(), config.redisTimeout()),
                conversations, json));
        List<EndpointGroup> routes = new ArrayList<>(chat.routes());
        alerts = AlertWiring.desk(config, json, rules, triage, conversations, owned);
        if (alerts != null) routes.add(new AlertRoutes(alerts, json).routes());
        HttpServer.Options options = new HttpServer.Options(config.apiToken(), config.rateLimit(), config.rateBurst(),
                config.trustForwarded(), routes);
        http = new HttpServer(triage, conversations, metrics, json, options, ready, LiveRulebook.FIRST_WAIT).create();
        DebugToggle.install();
        log.info("{}", chat.describe());
        if (alerts != null) log.info("{}", alerts.describe());
        http.start(config.host(), config.port());
        host = "0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host();
        own(http::stop);
        bound.complete(chat);
    }

    /** What needs the first rule set but not the server: the stacks checked, the live checks, the files watched. */
    private Prober checks(Config config, RunbookFollower rollout) {
        stacks(config, rules.current().knowledge());
        Prober prober;
        try {
            prober = own(Prober.configured(rules.current().knowledge(), config.probe()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("live checks: " + e.getMessage(), e);
        }
        checks.set(ProbeChecks.of(prober));
        if (rollout == null && config.watch()) {
            try {
                own(new RulebookWatcher(rules, List.of(config.rules(), config.knowledge()), Duration.ofMillis(300)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot watch the runbooks: " + e.getMessage(), e);
            }
        }
        return prober;
    }

    /** What needs the first rule set and the server listening: the chat connections, the rollout, the sentence model. */
    private void ready(Config config, RunbookFollower rollout, Prober prober, ChatAdapters chat) {
        if (!prober.isEmpty()) {
            log.info("live checks ({} ms budget): {}", prober.settings().budget().toMillis(),
                    String.join(", ", prober.targets().stream().map(Target::toString).toList()));
        }
        chat.start();  // Slack Socket Mode connects once the server is up
        // connected after the first answer (FirstAnswer), or 2 s after ready without one
        if (!prober.isEmpty()) firstAnswer.then(prober::open, "probe-open");
        // with etcd, runbooks arrive by `publish` only: two sources of truth would fight
        if (rollout != null) rollout.follow(rules);
        log.info("rules revision {} ({} rules) from {}; conversations in {}", rules.current().revision(),
                rules.current().rules().size(), rollout == null ? "files" : rules.source().label() + " (following "
                        + rollout.describe() + ")", store.describe());
        List<?> alertProblems = alerts == null ? List.of()
                : AlertMap.load(rules.source().knowledgeDir()).lint(rules.current().knowledge());
        if (!alertProblems.isEmpty()) log.warn("alerts.yaml has problems (run lint): {}", alertProblems);
        // last: the sentence model loads on a background thread (one ONNX thread), and until it has
        // the phrases answer alone
        own(triage.startRecall());  // closed first: a stop waits for the model's native loading to end
    }

    private <T extends AutoCloseable> T own(T resource) {
        return owned.own(resource);
    }

    /** Loads the first set: the published one when there is one that loads here, else the files. */
    private void firstSet(RunbookFollower rollout, Source files) throws RulebookException {
        Source published = rollout == null ? null : rollout.fetch().orElse(null);
        if (published != null) {
            try {
                rules.loadFirst(published);
                return;
            } catch (RulebookException e) {
                log.warn("the published set does not load here; serving the local files: {}", e.problems());
            }
        }
        rules.loadFirst(files);
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
            if (!known.contains(s)) throw new IllegalArgumentException("TRIAGE_STACKS: no runbook is about stack '" + s + "'; known: " + known);
        }
        return new LinkedHashSet<>(config.stacks());
    }

    /** Conversations live in Redis when a URL is configured, else in memory. */
    private static ConversationStore store(Config config) {
        if (config.redisUrl() == null) return new MemoryStore(10_000, config.conversationIdle(), Clock.systemUTC());
        RedisStore redis = new RedisStore(config.redisUrl(), config.conversationIdle(), config.redisTimeout());
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
    @Override public void close() { owned.close(); }
}
