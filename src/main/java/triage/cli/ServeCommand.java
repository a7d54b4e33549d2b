package triage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import triage.chat.ChatAdapters;
import triage.conversation.ConversationStore;
import triage.model.ProbeResult;
import triage.probe.ProbeChecks;
import triage.conversation.Conversations;
import triage.conversation.MemoryStore;
import triage.conversation.RedisStore;
import triage.engine.LiveRulebook;
import triage.engine.RulebookException;
import triage.engine.RulebookWatcher;
import triage.engine.Triage;
import triage.engine.UnrecognizedLog;
import triage.ops.DebugToggle;
import triage.ops.Metrics;
import triage.http.HttpServer;
import triage.probe.Prober;
import triage.probe.Target;
import triage.rollout.Etcd;
import triage.rollout.RunbookFollower;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the HTTP API (and, when configured, the chat adapters) until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the HTTP API.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Spec CommandSpec spec;
    @Mixin Sources sources;

    @Option(names = "--port", defaultValue = "${env:PORT:-8080}",
            description = "TCP port (default: $PORT or 8080; 0 picks a free one).")
    int port;

    @Option(names = "--watch", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Reload the runbooks when their files change (default: on; --no-watch to turn off).")
    boolean watch;

    @Option(names = "--host", defaultValue = "${env:TRIAGE_HOST:-127.0.0.1}",
            description = "Address to listen on (default: $TRIAGE_HOST or 127.0.0.1; 0.0.0.0 for all).")
    String host;

    /** Conversations live in Redis when TRIAGE_REDIS_URL is set, else in memory. */
    static ConversationStore store() {
        Duration idle = Duration.ofMinutes(Long.parseLong(env("TRIAGE_CONVERSATION_IDLE_MINUTES", "120")));
        String url = System.getenv("TRIAGE_REDIS_URL");
        if (url == null || url.isBlank()) return new MemoryStore(10_000, idle, Clock.systemUTC());
        RedisStore redis = new RedisStore(url, idle, Duration.ofMillis(500));
        if (!redis.warmUp()) log.warn("conversation store {} is not reachable yet; will keep trying", redis.describe());
        return redis;
    }

    /** Runbooks follow etcd when TRIAGE_ETCD_ENDPOINTS is set, else the local files. */
    static RunbookFollower rollout() {
        String endpoints = System.getenv("TRIAGE_ETCD_ENDPOINTS");
        if (endpoints == null || endpoints.isBlank()) return null;
        Etcd etcd = Etcd.parse(endpoints, env("TRIAGE_ETCD_PREFIX", Etcd.DEFAULT_PREFIX),
                Duration.ofMillis(Long.parseLong(env("TRIAGE_ETCD_TIMEOUT_MS", "2000"))));
        return new RunbookFollower(etcd, Duration.ofSeconds(5));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("triage: --port must be between 0 and 65535");
            return 2;
        }
        RunbookFollower rollout;
        try {
            rollout = rollout();
        } catch (IllegalArgumentException e) {
            err.println("triage: " + e.getMessage());
            return 2;
        }
        LiveRulebook rules = null;
        LiveRulebook.Source published = rollout == null ? null : rollout.fetch().orElse(null);
        if (published != null) {
            try {
                rules = LiveRulebook.open(published, Sources.compiler());
            } catch (RulebookException e) {
                log.warn("the published set does not load here; serving the local files: {}", e.problems());
            }
        }
        if (rules == null) rules = sources.open(err);
        if (rules == null) {
            if (rollout != null) rollout.close();
            return 1;
        }
        Prober prober;
        try {
            prober = Prober.configured(rules.current().knowledge(), System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("triage: live checks: " + e.getMessage());
            if (rollout != null) rollout.close();
            return 2;
        }
        if (!prober.isEmpty()) {
            log.info("live checks ({} ms budget): {}", prober.settings().budget().toMillis(),
                    String.join(", ", prober.targets().stream().map(Target::toString).toList()));
        }
        Set<String> stacks;
        try {
            stacks = Sources.stacks(System.getenv("TRIAGE_STACKS"), rules.current().knowledge());
        } catch (IllegalArgumentException e) {
            err.println("triage: TRIAGE_STACKS: " + e.getMessage());
            if (rollout != null) rollout.close();
            return 2;
        }
        String token = System.getenv("TRIAGE_API_TOKEN");
        Metrics metrics = new Metrics();
        rules.listen(metrics::reload);
        Triage triage = new Triage(rules, new UnrecognizedLog(1000, Clock.systemUTC()), metrics, ProbeChecks.of(prober),
                stacks);
        ConversationStore store = store();
        if (store instanceof MemoryStore memory) {
            metrics.gauge("triage.conversations.open", "Conversations kept in memory", memory::size);
        }
        Conversations conversations = new Conversations(triage, store, Clock.systemUTC());
        ObjectMapper json = new ObjectMapper();
        ChatAdapters chat;
        try {
            chat = ChatAdapters.fromEnvironment(System.getenv(), conversations, json);
        } catch (IllegalArgumentException e) {
            err.println("triage: " + e.getMessage());
            store.close();
            if (rollout != null) rollout.close();
            return 2;
        }
        HttpServer.Options options = new HttpServer.Options(token == null || token.isBlank() ? null : token,
                Double.parseDouble(env("TRIAGE_RATE_LIMIT", "50")), Integer.parseInt(env("TRIAGE_RATE_BURST", "100")),
                Boolean.parseBoolean(env("TRIAGE_TRUST_FORWARDED", "false")), chat.routes());
        HttpServer http = new HttpServer(triage, conversations, metrics, json, options);
        DebugToggle.install();
        Javalin app = http.create().start(host, port);
        if (!prober.isEmpty()) {
            // connections are made now, not on the first question; once listening, so start-up
            // does not share the two cores with loading the probe clients
            Thread opening = new Thread(prober::open, "probe-open");
            opening.setDaemon(true);
            opening.start();
        }
        // with etcd, runbooks arrive by `publish` only: two sources of truth would fight
        if (rollout != null) rollout.follow(rules);
        RulebookWatcher watcher = watch && rollout == null
                ? new RulebookWatcher(rules, List.of(sources.rules, sources.knowledge), Duration.ofMillis(300)) : null;
        String shown = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        log.info("rules revision {} ({} rules) from {}; conversations in {}", rules.current().revision(),
                rules.current().rules().size(), rollout == null ? "files" : rules.source().label() + " (following "
                        + rollout.describe() + ")", store.describe());
        log.info("{}", chat.describe());
        PrintWriter out = spec.commandLine().getOut();
        out.println("listening on http://" + shown + ":" + app.port());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (watcher != null) watcher.close();
            if (rollout != null) rollout.close();
            app.stop();
            chat.close();
            store.close();
            prober.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
