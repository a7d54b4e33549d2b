package triage;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import triage.cli.AskCommand;
import triage.cli.HeadStart;
import triage.cli.JitDirectives;
import triage.cli.LintCommand;
import triage.cli.PublishCommand;
import triage.cli.ServeCommand;
import triage.cli.SimulateCommand;
import triage.cli.StopSignals;

import java.util.List;

/** The command line: {@code serve}, {@code ask}, {@code lint}, {@code publish}. Wiring only. */
@Command(name = "triage", mixinStandardHelpOptions = true, version = "triage 0.1.0",
        description = "Finds the failing component of a backend outage from what people see.")
public final class Main implements Runnable {
    /**
     * The subcommands. Picocli builds a command's model by reflection, and building all five took a
     * quarter of {@code serve}'s start-up, so a command line that names one builds only that one;
     * anything else ({@code --help}, a typo) gets them all, for the usage and the suggestions.
     */
    private static final List<Class<?>> COMMANDS = List.of(ServeCommand.class, AskCommand.class, LintCommand.class,
            PublishCommand.class, SimulateCommand.class);

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // first: the JIT's directives apply only to what it compiles after them
        JitDirectives.applyInBackground(args);
        boolean serve = args.length > 0 && "serve".equals(args[0]);
        // the one-shot commands print their answer on stdout; the log only speaks when something is wrong
        if (!serve) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        } else {
            Thread logging = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "logging");
            logging.setDaemon(true);
            logging.start();
        }
        // the runbooks load on the other core while the rest of this and the command line are done
        HeadStart head = HeadStart.begin(args);
        StopSignals.install();
        // gRPC logs through java.util.logging; one log, one line per event
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        System.exit(commandLine(head, args).execute(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command line that runs {@code args}: with the subcommand they name, or all of them. */
    public static CommandLine commandLine(String... args) {
        return commandLine(HeadStart.none(), args);
    }

    /** As {@link #commandLine(String...)}, {@code serve} and {@code ask} taking the runbooks {@code head} is loading. */
    static CommandLine commandLine(HeadStart head, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cl = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override public <K> K create(Class<K> c) throws Exception {
                if (c == ServeCommand.class) return c.cast(new ServeCommand(head));
                if (c == AskCommand.class) return c.cast(new AskCommand(head));
                return defaults.create(c);
            }
        });
        List<Class<?>> named = COMMANDS.stream()
                .filter(c -> args.length > 0 && c.getAnnotation(Command.class).name().equals(args[0])).toList();
        for (Class<?> c : named.isEmpty() ? COMMANDS : named) cl.addSubcommand(c);
        // the one place a command's failure is reported: an unusable flag or setting (an
        // IllegalArgumentException, from Config and what it configures) or anything else it throws
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("triage: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        });
        return cl;
    }

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
