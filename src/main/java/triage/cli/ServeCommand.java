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
import triage.engine.LiveRulebook;
import triage.engine.Problem;
import triage.engine.RulebookException;
import triage.engine.Triage;
import triage.http.HttpServer;
import triage.probe.Prober;
import triage.probe.Target;

import java.io.PrintWriter;
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

    @Option(names = "--host", defaultValue = "${env:TRIAGE_HOST:-127.0.0.1}",
            description = "Address to listen on (default: $TRIAGE_HOST or 127.0.0.1; 0.0.0.0 for all).")
    String host;

    @Override public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("triage: --port must be between 0 and 65535");
            return 2;
        }
        LiveRulebook rules;
        try {
            rules = LiveRulebook.open(sources.rules, sources.knowledge);
        } catch (RulebookException e) {
            err.println("triage: the runbooks do not load:");
            for (Problem p : e.problems()) err.println("  " + p);
            return 1;
        }
        Prober prober;
        try {
            prober = Prober.configured(rules.current().knowledge(), System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("triage: live checks: " + e.getMessage());
            return 2;
        }
        if (!prober.isEmpty()) {
            log.info("live checks ({} ms budget): {}", prober.settings().budget().toMillis(),
                    String.join(", ", prober.targets().stream().map(Target::toString).toList()));
            // connections are made now, not on the first question; serving does not wait for them
            Thread opening = new Thread(prober::open, "probe-open");
            opening.setDaemon(true);
            opening.start();
        }
        String token = System.getenv("TRIAGE_API_TOKEN");
        HttpServer http = new HttpServer(new Triage(rules), new ObjectMapper(),
                new HttpServer.Options(token == null || token.isBlank() ? null : token), prober);
        Javalin app = http.create().start(host, port);
        String shown = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        log.info("rules revision {} ({} rules)", rules.current().revision(), rules.current().rules().size());
        PrintWriter out = spec.commandLine().getOut();
        out.println("listening on http://" + shown + ":" + app.port());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            prober.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
