package triage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import triage.app.App;
import triage.app.Config;
import triage.engine.RulebookException;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the HTTP API (and, when configured, the chat adapters) until stopped. */
@Command(name = "serve", description = "Serve the HTTP API.")
public final class ServeCommand extends RunbooksCommand {
    @Option(names = "--port", description = "TCP port (default: $PORT or 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--watch", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Reload the runbooks when their files change (default: on; --no-watch to turn off).")
    boolean watch;

    @Option(names = "--host", description = "Address to listen on (default: $TRIAGE_HOST or 127.0.0.1; 0.0.0.0 for all).")
    String host;

    @Option(names = "--exit-when-ready", description = "Stop once listening and the sentence model has loaded "
            + "(a start that ends by itself: the build dumps the class archive from one, see the README).")
    boolean exitWhenReady;

    private final HeadStart headStart;

    public ServeCommand() {
        this(HeadStart.none());
    }

    /** @param headStart the runbooks perhaps loading already (see {@link HeadStart}) */
    public ServeCommand(HeadStart headStart) {
        this.headStart = headStart;
    }

    @Override public Integer call() throws Exception {
        PrintWriter err = err();
        Config config = Config.read(new Config.Flags(sources.rules, sources.knowledge, port, host, watch, null, null));
        App app = App.listen(config, headStart.compilerFor(config));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        // the port is bound already (a client on a fixed port waits for the rules rather than being
        // refused), but 'listening on' is said only once requests are answered at once: outside
        // checks send their cases at that line, each with a deadline of their own
        try {
            app.awaitReady();
        } catch (RulebookException e) {
            Sources.report(e, err);
            return 1;
        }
        PrintWriter out = out();
        out.println("listening on http://" + app.shownHost() + ":" + app.port());
        out.flush();
        // closing waits for the sentence model's load to end, so its classes are part of the start too
        if (exitWhenReady) app.close();
        else stopped.await();
        return 0;
    }
}
